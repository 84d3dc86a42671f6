package chart

import "github.com/concurrency-patterns/playground/internal/view"

// The charts' tops, in the order of a [view.Scale]'s Tops.
const (
	topLoad = iota
	topPct
	topRate
)

// Scale is the scale the run's charts need on its own: its time axis's
// end and the top of each chart. With [Data.Share], Data is a
// [view.Sharer], as the pictures are: two runs drawn side by side share
// the union of their scales.
func (d *Data) Scale() view.Scale {
	return view.Scale{End: d.End, Tops: []float64{topLoad: float64(d.MaxLoad), topPct: d.MaxPct, topRate: d.MaxRate}}
}

// Share draws the charts to s from now on, where s holds the run's own
// scale (a smaller field counts as the run's own); the zero Scale goes
// back to the run's own.
func (d *Data) Share(s view.Scale) { d.shared = d.Scale().Union(s) }

// scale is what the charts are drawn to now.
func (d *Data) scale() view.Scale {
	if d.shared.End > 0 {
		return d.shared
	}
	return d.Scale()
}
