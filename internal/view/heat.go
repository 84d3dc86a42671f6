package view

import "math"

// Heat draws many lanes of a time axis as a heat map: the lanes go in
// bands, a row each, and the axis in columns a few pixels wide. A cell is
// shaded by the share of its band's lane-time spent in a role (running,
// say), and ends (a crash, a return) shade the cell they fall in by how
// many of the band's lanes ended there. It is how a view shows two
// thousand lanes in a few dozen rows, where a lane each would be a sliver.
type Heat struct {
	X, Y, W    float64 // the first row's top left, and the rows' width
	RowH, Gap  float64
	Rows, Per  int // rows, and how many lanes one row stands for
	Cols       int
	colW       float64
	roles      []Role      // the roles added so far, in the order first added
	cells      [][]float32 // per role (as in roles): lane-columns busy, or ends, per cell, row by row
	ends       []bool      // per role: cells count ends rather than time
	lanesTotal int
}

// HeatColumn is the width of a heat map's columns, in CSS pixels.
const HeatColumn = 3.0

// NewHeat lays lanes out in at most rows rows of height rowH (gap
// between), over a width of w from x, y.
func NewHeat(lanes, rows int, x, y, w, rowH, gap float64) Heat {
	lanes, rows = max(lanes, 1), max(rows, 1)
	per := (lanes + rows - 1) / rows
	cols := max(int(w/HeatColumn), 1)
	return Heat{X: x, Y: y, W: w, RowH: rowH, Gap: gap, Rows: (lanes + per - 1) / per, Per: per,
		Cols: cols, colW: w / float64(cols), lanesTotal: lanes}
}

// Height is the block's height.
func (h *Heat) Height() float64 { return float64(h.Rows)*(h.RowH+h.Gap) - h.Gap }

// RowTop is the top of the row lane is in.
func (h *Heat) RowTop(lane int) float64 { return h.Y + float64(lane/h.Per)*(h.RowH+h.Gap) }

func (h *Heat) grid(r Role, ends bool) []float32 {
	for i, have := range h.roles {
		if have == r && h.ends[i] == ends {
			return h.cells[i]
		}
	}
	h.roles, h.ends = append(h.roles, r), append(h.ends, ends)
	h.cells = append(h.cells, make([]float32, h.Rows*h.Cols))
	return h.cells[len(h.cells)-1]
}

// Span adds lane's time in role from x0 to x1, in pixels of the axis.
func (h *Heat) Span(lane int, x0, x1 float64, r Role) {
	row := lane / h.Per
	if row >= h.Rows || x1 <= x0 {
		return
	}
	g := h.grid(r, false)[row*h.Cols : (row+1)*h.Cols]
	a, b := (x0-h.X)/h.colW, (x1-h.X)/h.colW
	for c := max(int(a), 0); c < h.Cols && float64(c) < b; c++ {
		g[c] += float32(min(b, float64(c+1)) - max(a, float64(c)))
	}
}

// End adds an end of lane in role at x, a pixel of the axis.
func (h *Heat) End(lane int, x float64, r Role) {
	row := lane / h.Per
	if row >= h.Rows {
		return
	}
	c := min(max(int((x-h.X)/h.colW), 0), h.Cols-1)
	h.grid(r, true)[row*h.Cols+c]++
}

// Draw shades the cells into p: time as the share of the row's lanes busy
// through the column, ends as the share of its lanes that ended in it.
// Neighbouring cells of one shade in a row are one rectangle.
func (h *Heat) Draw(p *Plan) {
	for i, r := range h.roles {
		g := h.cells[i]
		for row := range h.Rows {
			lanes := min(h.Per, h.lanesTotal-row*h.Per)
			y := h.Y + float64(row)*(h.RowH+h.Gap)
			start, level := 0, -1
			flush := func(end int) {
				if level >= 0 {
					share := ShadeOpacity(level)
					p.Shade(r, share, Rect{X: h.X + float64(start)*h.colW, Y: y, W: float64(end-start) * h.colW, H: h.RowH})
				}
			}
			for c := range h.Cols {
				share := float64(g[row*h.Cols+c]) / float64(lanes) // time is in columns, ends are counts
				l := -1
				if share > 0 {
					l = min(int(math.Ceil(min(share, 1)*ShadeLevels))-1, ShadeLevels-1)
				}
				if l != level {
					flush(c)
					start, level = c, l
				}
			}
			flush(h.Cols)
		}
	}
}
