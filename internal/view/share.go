package view

// Scale is what a picture's scales depend on in its run: the end of its
// time axis, in virtual ms, and the top of each of its charts, in the
// view's order.
type Scale struct {
	End  float64
	Tops []float64
}

// Union is the scale that holds both a and b: the later end and the
// higher of each top.
func (a Scale) Union(b Scale) Scale {
	out := Scale{End: max(a.End, b.End), Tops: make([]float64, max(len(a.Tops), len(b.Tops)))}
	for i := range out.Tops {
		if i < len(a.Tops) {
			out.Tops[i] = a.Tops[i]
		}
		if i < len(b.Tops) {
			out.Tops[i] = max(out.Tops[i], b.Tops[i])
		}
	}
	return out
}

// Sharer is a [Visual] whose scales come in part from its run. Two runs
// shown side by side (a pair of demos) draw to the union of their scales,
// so that equal widths mean equal times and equal heights equal numbers,
// and the shorter run's axis goes on past its end.
type Sharer interface {
	// Scale is the scale the run needs on its own.
	Scale() Scale
	// Share draws the run to s from then on; s holds the run's own scale
	// (see [Scale.Union]). The zero Scale goes back to the run's own.
	Share(s Scale)
}
