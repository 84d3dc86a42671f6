package tasksview

import (
	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Visual is a run of the tasks scenario as a [view.Visual].
type Visual struct {
	tl     *Timeline
	cfg    Config
	marks  []view.Mark
	span   float64 // virtual ms the time axis covers
	lanes  int
	width  float64
	layout Layout
}

// New builds the visual of a run with parameters v; a nil trace previews v.
func New(trace []event.Record, v scenario.Values) view.Visual {
	tl := NewTimeline(trace)
	cfg := Config{Bare: v.String("mode") == "bare"}
	if n := v.Int("max_children"); n < 1<<31 {
		cfg.MaxChildren = n
	}
	// The axis covers the whole planned schedule, not only what ran: a
	// program that died early leaves the rest of its time empty, and two
	// runs of one workload share a scale.
	items, every, longest := v.Int("items"), float64(v.Int("interval_ms")), float64(v.Int("work_ms_max"))
	planned := float64(max(items-1, 0))*every + longest
	lanes := tl.lanes
	if trace == nil {
		lanes = min(items, int(longest/max(every, 1))+1)
	}
	return &Visual{tl: tl, cfg: cfg, marks: marks(trace), span: max(tl.End(), planned), lanes: lanes}
}

// Timeline is the indexed trace the visual draws.
func (v *Visual) Timeline() *Timeline { return v.tl }

func (v *Visual) End() float64       { return v.tl.End() }
func (v *Visual) Times() []float64   { return v.tl.times }
func (v *Visual) Marks() []view.Mark { return v.marks }

func (v *Visual) Height(width float64) float64 { return v.layoutFor(width).H }

func (v *Visual) Plan(t, width float64) view.Plan {
	return v.layoutFor(width).Plan(v.tl, v.cfg, t)
}

// layoutFor keeps the layout of the last width: it depends on nothing else.
func (v *Visual) layoutFor(width float64) Layout {
	if width != v.width || v.width == 0 {
		v.width, v.layout = width, NewLayout(v.lanes, v.span, width)
	}
	return v.layout
}
