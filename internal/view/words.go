package view

// WordsTop is where a guided moment's words go on a picture of plan p: the
// top edge of a box w×h set against the picture's right edge, at the
// height that covers none of the ring and the least of the picture (its
// texts count most, then what it fills, then its empty tracks), and of
// those the nearest the ring. So the words never hide what they point
// at, and hide as little as they can of what explains it.
func WordsTop(p Plan, ring Rect, ringed bool, w, h float64) float64 {
	const inset, margin, step = 8.0, 8.0, 2.0 // from the right edge; around the ring; between tries
	x, bottom := p.W-inset-w, max(p.H-h, 0)
	best, bestCost := 0.0, -1.0
	for y := 0.0; y <= bottom+step/2; y += step {
		y = min(y, bottom)
		box := Rect{X: x, Y: y, W: w, H: h}
		cost := 0.0
		for _, t := range p.Texts {
			cost += overlap(box, textBox(t))
		}
		for r, rs := range p.Fills {
			weight := 0.5
			if Role(r) == RoleTrack {
				weight = 0.1
			}
			for _, f := range rs {
				cost += weight * overlap(box, f)
			}
		}
		if ringed {
			cost += 1e6 * overlap(box, Rect{X: ring.X - margin/2, Y: ring.Y - margin/2, W: ring.W + margin, H: ring.H + margin})
			cost += 0.5 * distance(box, ring)
		}
		if bestCost < 0 || cost < bestCost {
			best, bestCost = y, cost
		}
	}
	return best
}

// distance is how far apart two rectangles are, up and down.
func distance(a, b Rect) float64 {
	return max(b.Y-(a.Y+a.H), a.Y-(b.Y+b.H), 0)
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
