package streamview

import (
	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Visual is a run of the stream as a [view.Visual]: a timeline, and the
// layout of the last width asked for, so that a frame lays nothing out.
type Visual struct {
	tl     *Timeline
	marks  []view.Mark
	width  float64 // the width layout was made for; 0 before any
	layout Layout
}

// New builds the visual of a stream run with parameters v; a nil trace
// previews v before any run.
func New(trace []event.Record, v scenario.Values) view.Visual {
	return &Visual{tl: NewTimeline(trace, ConfigOf(v)), marks: view.TaskMarks(trace)}
}

// ConfigOf is what the view needs of a stream's parameters.
func ConfigOf(v scenario.Values) Config {
	return Config{Items: v.Int("items"), Lanes: v.Int("max_concurrency"), Ordered: v.Bool("ordered")}
}

// Timeline is the indexed trace the visual draws.
func (v *Visual) Timeline() *Timeline { return v.tl }

func (v *Visual) End() float64       { return v.tl.End() }
func (v *Visual) Times() []float64   { return v.tl.Times() }
func (v *Visual) Marks() []view.Mark { return v.marks }

func (v *Visual) Height(width float64) float64 { return v.layoutFor(width).H }

func (v *Visual) Plan(t, width float64) view.Plan {
	l := v.layoutFor(width)
	return l.Plan(v.tl.Scene(t, l.Limits()))
}

// layoutFor lays the run out for width once, and again only when the width
// changes. The layout depends on the width and the configuration alone, so
// keeping it changes no frame.
func (v *Visual) layoutFor(width float64) Layout {
	if width != v.width || v.width == 0 {
		v.width, v.layout = width, NewLayout(v.tl.Config(), width)
	}
	return v.layout
}
