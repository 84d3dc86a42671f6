package view

// WordsTop is where a guided moment's words go on a picture of plan p: the
// top edge of a box w×h set against the picture's right edge, at whichever
// of a few places (the top, under the ring, over it, the bottom) covers
// the least of the picture's own texts and none of the ring, so that the
// words never hide what they point at or the line that explains it.
func WordsTop(p Plan, ring Rect, ringed bool, w, h float64) float64 {
	const inset, margin = 8.0, 8.0 // from the right edge; around the ring
	x := p.W - inset - w
	places := []float64{6}
	if ringed {
		places = append(places, ring.Y+ring.H+margin, ring.Y-margin-h)
	}
	places = append(places, p.H-h-6)
	best, bestCost := places[0], -1.0
	for _, y := range places {
		y = min(max(y, 0), max(p.H-h, 0))
		box := Rect{X: x, Y: y, W: w, H: h}
		cost := 0.0
		for _, t := range p.Texts {
			cost += overlap(box, textBox(t))
		}
		if ringed {
			cost += 1e6 * overlap(box, Rect{X: ring.X - margin/2, Y: ring.Y - margin/2, W: ring.W + margin, H: ring.H + margin})
		}
		if bestCost < 0 || cost < bestCost {
			best, bestCost = y, cost
		}
	}
	return best
}

// textBox is the rectangle a text takes, as [TextWidth] measures it.
func textBox(t Text) Rect {
	w, px := TextWidth(t.S, t.Font), fontPx[t.Font]
	x := t.X
	switch t.Align {
	case AlignRight:
		x -= w
	case AlignCenter:
		x -= w / 2
	}
	return Rect{X: x, Y: t.Y - 0.6*px, W: w, H: 1.2 * px}
}

// overlap is the area two rectangles share.
func overlap(a, b Rect) float64 {
	w := min(a.X+a.W, b.X+b.W) - max(a.X, b.X)
	h := min(a.Y+a.H, b.Y+b.H) - max(a.Y, b.Y)
	if w <= 0 || h <= 0 {
		return 0
	}
	return w * h
}
