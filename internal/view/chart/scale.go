package chart

// Scale is what a run's charts are drawn to: the time axis's end and the
// top of each chart. Two runs drawn side by side share one, the larger of
// theirs (see [Data.Share]), so that equal widths mean equal times and
// equal heights equal numbers.
type Scale struct {
	End                      float64 // virtual ms
	MaxLoad, MaxPct, MaxRate float64
}

// Own is the scale the run needs on its own.
func (d *Data) Own() Scale {
	return Scale{End: d.End, MaxLoad: float64(d.MaxLoad), MaxPct: d.MaxPct, MaxRate: d.MaxRate}
}

// Union is the scale that holds both a and b.
func Union(a, b Scale) Scale {
	return Scale{End: max(a.End, b.End), MaxLoad: max(a.MaxLoad, b.MaxLoad),
		MaxPct: max(a.MaxPct, b.MaxPct), MaxRate: max(a.MaxRate, b.MaxRate)}
}

// Share draws the run to s from now on, where s holds the run's own
// scale (a smaller field counts as the run's own); the zero Scale goes
// back to the run's own.
func (d *Data) Share(s Scale) { d.shared = Union(d.Own(), s) }

// scale is what the charts are drawn to now.
func (d *Data) scale() Scale {
	if d.shared.End > 0 {
		return d.shared
	}
	return d.Own()
}
