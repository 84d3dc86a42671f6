package supview

import (
	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Visual is a run of the supervisor as a [view.Visual]: a timeline, and
// the layout of the last width asked for.
type Visual struct {
	tl     *Timeline
	marks  []view.Mark
	width  float64
	layout Layout
}

// New builds the visual of a supervisor run with parameters v; a nil trace
// previews v before any run.
func New(trace []event.Record, v scenario.Values) view.Visual {
	cfg := ConfigOf(v)
	return &Visual{tl: NewTimeline(trace, cfg), marks: Marks(trace)}
}

// Timeline is the indexed trace the visual draws.
func (v *Visual) Timeline() *Timeline { return v.tl }

func (v *Visual) End() float64       { return v.tl.End() }
func (v *Visual) Times() []float64   { return v.tl.Times() }
func (v *Visual) Marks() []view.Mark { return v.marks }

func (v *Visual) Height(width float64) float64 { return v.layoutFor(width).H }

func (v *Visual) Plan(t, width float64) view.Plan { return v.layoutFor(width).Plan(v.tl, t) }

// layoutFor lays the run out once per width; the layout depends on the
// width and the run, never on t.
func (v *Visual) layoutFor(width float64) Layout {
	if width != v.width || v.width == 0 {
		lanes := v.tl.Lanes()
		if lanes == 0 { // a preview: a lane per child that would start
			c := v.tl.Config()
			lanes = c.Children
			if c.MaxChildren > 0 {
				lanes = min(lanes, c.MaxChildren)
			}
		}
		v.width, v.layout = width, NewLayout(v.tl.Config(), lanes, width)
	}
	return v.layout
}
