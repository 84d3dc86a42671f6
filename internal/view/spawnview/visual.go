package spawnview

import (
	"math"
	"strconv"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Visual is a run of the spawning scenario: live handler goroutines and
// the memory they hold over time, the main picture, and the waiting
// requests.
type Visual struct {
	x        *index
	bounded  bool
	max      int     // the bound of bounded mode, drawn as a reference in both
	capacity int     // the database's, for the speed readout
	budget   int     // the memory budget, KiB
	topG     float64 // the goroutine chart's top
	topM     float64 // the memory chart's top, KiB
	own      view.Scale
	span     float64 // the time axis's end, when shared with a longer run; 0 for the run's own
}

// New builds the visual of a spawn run with parameters v; a nil trace
// previews v before any run.
//
// The charts' scales come from the parameters where they can, so that two
// runs at the same rate, one per mode, share them and read side by side:
// no more handlers can be live than requests arrive, nor one more than the
// memory budget holds, and no more memory held than the budget allows but
// for that last one.
func New(trace []event.Record, v scenario.Values) view.Visual {
	vis := &Visual{bounded: v.String("mode") == "bounded", max: v.Int("max"),
		capacity: v.Int("db_capacity"), budget: v.Int("memory_mb") * 1024}
	vis.x = newIndex(trace, vis.bounded)
	d, _ := v.Duration("duration_ms")
	requests := math.Ceil(d.Seconds() * v.Float("rate"))
	bound := min(requests, float64(vis.budget/scenario.SpawnHandlerKB+1))
	ref := vis.max // the line drawn across the goroutine chart
	if !vis.bounded {
		ref = vis.capacity
	}
	vis.topG = niceTop(max(bound, float64(ref), float64(vis.x.peakLive)))
	vis.topM = niceTop(max(min(scenario.SpawnHandlerKB*vis.topG, float64(vis.budget)), float64(vis.x.peakMem)))
	vis.own = view.Scale{End: vis.End(), Tops: []float64{vis.topG, vis.topM}}
	return vis
}

// Scale is the run's own time axis and the tops of its two charts.
func (v *Visual) Scale() view.Scale { return v.own }

// Share draws the charts to s: a longer axis, higher tops.
func (v *Visual) Share(s view.Scale) {
	s = v.own.Union(s)
	v.span, v.topG, v.topM = s.End, s.Tops[0], s.Tops[1]
}

// axisEnd is the end of the charts' time axis.
func (v *Visual) axisEnd() float64 { return max(v.End(), v.span) }

// ownPart is the part of a plot of the time axis that the run's own length
// takes: all of it, unless the axis is shared with a longer run.
func (v *Visual) ownPart(r view.Rect) view.Rect {
	if end := v.axisEnd(); end > 0 {
		r.W *= v.End() / end
	}
	return r
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
	titleH   = 30.0 // a chart's title and readout
	plotH    = 120.0
	axisH    = 16.0
	chartGap = 14.0
	axisW    = 44.0 // the value labels left of a plot
	cell     = 6.0
	cellRows = 3
)

func (v *Visual) Height(width float64) float64 {
	return math.Ceil(pad + view.HeaderH + chartGap + 2*(titleH+plotH+axisH+chartGap) + 18 + cellRows*(cell+1) + pad)
}

// niceTop rounds a chart's top up to 1, 2 or 5 times a power of ten.
func niceTop(v float64) float64 {
	if v <= 1 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= v {
			return m * p
		}
	}
	return 10 * p
}

func kb(n int32) string {
	if n >= 10240 {
		return strconv.FormatFloat(float64(n)/1024, 'f', 1, 64) + " MiB"
	}
	return view.Ms(float64(n)) + " KiB"
}
