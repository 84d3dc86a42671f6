package view

import "math"

// Tally draws n units as one bar: the units counted in each role as a
// segment, in role order, and the rest as track. It is how a view shows
// thousands of results at once, where a cell each would make a slab. A
// role with any unit gets at least two pixels, so that a few crashes among
// thousands still show.
func Tally(p *Plan, r Rect, n int, counts *[RoleCount]int) {
	x, done := r.X, 0
	defer func() {
		if end := r.X + r.W; x < end {
			p.Fill(RoleTrack, Rect{X: x, Y: r.Y, W: end - x, H: r.H})
		}
	}()
	if n <= 0 {
		return
	}
	for role, c := range counts {
		if c <= 0 {
			continue
		}
		done += c
		to := r.X + math.Round(r.W*float64(min(done, n))/float64(n))
		w := max(to-x, 2)
		w = min(w, r.X+r.W-x)
		if w <= 0 {
			break
		}
		p.Fill(Role(role), Rect{X: x, Y: r.Y, W: w, H: r.H})
		x += w
	}
}
