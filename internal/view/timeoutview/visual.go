package timeoutview

import (
	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Visual is a run of the timeout scenario as a [view.Visual].
type Visual struct {
	tl      *Timeline
	marks   []view.Mark
	perTask bool
	maxID   int
	span    float64
	lanes   int
	width   float64
	layout  Layout
}

// New builds the visual of a run with parameters v; a nil trace previews v.
func New(trace []event.Record, v scenario.Values) view.Visual {
	timeout := view.Never
	if d, finite := v.Duration("timeout"); finite {
		timeout = view.Millis(d)
	}
	items := v.Int("items")
	perTask := items <= perTaskMax
	tl := NewTimeline(trace, timeout, perTask)
	vis := &Visual{tl: tl, marks: marks(trace), perTask: perTask, maxID: max(items-1, 0), lanes: tl.lanes, span: tl.End()}
	if trace == nil {
		// A preview: the schedule the parameters promise.
		longest := float64(v.Int("work_ms_max"))
		if timeout != view.Never {
			longest = min(longest, timeout+float64(v.Int("shutdown")))
		}
		vis.span = float64(max(items-1, 0))*float64(v.Int("interval_ms")) + longest
		vis.lanes = min(items, perTaskMax)
	}
	return vis
}

// Timeline is the indexed trace the visual draws.
func (v *Visual) Timeline() *Timeline { return v.tl }

func (v *Visual) End() float64       { return v.tl.End() }
func (v *Visual) Times() []float64   { return v.tl.times }
func (v *Visual) Marks() []view.Mark { return v.marks }

func (v *Visual) Height(width float64) float64 { return v.layoutFor(width).H }

func (v *Visual) Plan(t, width float64) view.Plan { return v.layoutFor(width).Plan(v.tl, t) }

// layoutFor keeps the layout of the last width: it depends on nothing else.
func (v *Visual) layoutFor(width float64) Layout {
	if width != v.width || v.width == 0 {
		v.width, v.layout = width, NewLayout(v.lanes, v.perTask, v.maxID, v.span, width)
	}
	return v.layout
}
