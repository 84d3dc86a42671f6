package stageview

import (
	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Visual is a run of the stage scenario as a [view.Visual]: a timeline,
// and the layout of the last width asked for.
type Visual struct {
	tl     *Timeline
	marks  []view.Mark
	width  float64
	layout Layout
}

// New builds the visual of a run with parameters v; a nil trace previews v.
func New(trace []event.Record, v scenario.Values) view.Visual {
	tl := NewTimeline(trace, ConfigOf(v))
	return &Visual{tl: tl, marks: Marks(trace, tl.End())}
}

// ConfigOf is what the view needs of the scenario's parameters.
func ConfigOf(v scenario.Values) Config {
	timeout, _ := v.Duration("batch_timeout")
	return Config{Items: v.Int("items"), Rate: v.Int("rate"), Consumers: v.Int("consumers"),
		MaxDemand: v.Int("max_demand"), MinDemand: v.Int("min_demand"), BufferSize: v.Int("buffer_size"),
		BatchSize: v.Int("batch_size"), BatchTimeout: view.Millis(timeout)}
}

// Timeline is the indexed trace the visual draws.
func (v *Visual) Timeline() *Timeline { return v.tl }

func (v *Visual) End() float64       { return v.tl.End() }
func (v *Visual) Times() []float64   { return v.tl.Times() }
func (v *Visual) Marks() []view.Mark { return v.marks }

func (v *Visual) Height(width float64) float64 { return v.layoutFor(width).H }

func (v *Visual) Plan(t, width float64) view.Plan { return v.layoutFor(width).Plan(v.tl.Scene(t)) }

// layoutFor lays the run out once per width; the layout depends on the
// width and the configuration alone, so keeping it changes no frame.
func (v *Visual) layoutFor(width float64) Layout {
	if width != v.width || v.width == 0 {
		v.width, v.layout = width, NewLayout(v.tl.Config(), width)
	}
	return v.layout
}
