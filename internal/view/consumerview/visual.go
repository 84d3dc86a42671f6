package consumerview

import (
	"math"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Visual is a run of the consumer supervisor: the producer's jobs as one
// bar, the children alive over time against max_demand, and the children
// themselves on a time axis, a lane for each place max_demand allows.
type Visual struct {
	x          *index
	jobs       int
	maxDemand  int
	top        float64 // the alive chart's top
	pitch, row float64 // a lane's pitch and height
}

// New builds the visual of a consumer run with parameters v; a nil trace
// previews v before any run.
func New(trace []event.Record, v scenario.Values) view.Visual {
	d := v.Int("max_demand")
	vis := &Visual{x: newIndex(trace), jobs: v.Int("jobs"), maxDemand: d,
		top: math.Ceil(float64(d) * 1.25)}
	vis.top = max(vis.top, float64(d+1))
	vis.pitch = min(max(math.Floor(lanesH/float64(d)), 7), 16)
	vis.row = vis.pitch - 2
	if d > 40 {
		vis.row = vis.pitch - 1
	}
	return vis
}

func (v *Visual) End() float64 {
	if n := len(v.x.times); n > 0 {
		return v.x.times[n-1]
	}
	return 0
}

func (v *Visual) Times() []float64   { return v.x.times }
func (v *Visual) Marks() []view.Mark { return v.x.marks }

// Sizes of the layout, in CSS pixels.
const (
	pad      = 12.0
	gap      = 12.0
	caption  = 18.0 // a block's caption line, above it
	barH     = 10.0 // the producer's bar of jobs
	plotH    = 56.0 // the chart of children alive
	axisH    = 14.0
	lanesH   = 448.0 // the most the lanes take
	producer = caption + barH
	alive    = caption + plotH + axisH
)

// tops are the y of each block: producer, chart, lanes.
func (v *Visual) tops() (prod, chart, lanes float64) {
	prod = pad + view.HeaderH + gap
	chart = prod + producer + gap
	lanes = chart + alive + gap
	return prod, chart, lanes
}

func (v *Visual) Height(width float64) float64 {
	_, _, lanes := v.tops()
	return math.Ceil(lanes + caption + float64(v.maxDemand)*v.pitch + pad)
}

// laneRect is the track of lane l.
func (v *Visual) laneRect(l int, width float64) view.Rect {
	_, _, top := v.tops()
	return view.Rect{X: pad, Y: top + caption + float64(l)*v.pitch, W: width - 2*pad, H: v.row}
}

// xOf places virtual time at on a track r.
func (v *Visual) xOf(r view.Rect, at float64) float64 {
	end := v.End()
	if end <= 0 {
		return r.X
	}
	return r.X + r.W*min(at/end, 1)
}
