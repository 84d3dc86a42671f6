package view

import "strconv"

// Heat draws many lanes of a time axis as a heat map: the lanes go in
// bands, a row each, and the axis in columns a few pixels wide. A cell is
// shaded by the share of its band's lane-time spent in a role (running,
// say), and ends (a crash, a return) shade the cell they fall in by how
// many of the band's lanes ended there. It is how a view shows two
// thousand lanes in a few dozen rows, where a lane each would be a sliver.
type Heat struct {
	X, Y, W   float64 // the first row's top left, and the rows' width
	RowH, Gap float64
	Rows, Per int // rows, and how many lanes one row stands for
	Cols      int
	lanes     int
	colW      float64
	// cells holds, per role, the lane-columns spent in it or the ends in
	// it, cell by cell, row by row; nil for a role not added.
	cells [RoleCount][]float32
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
		Cols: cols, lanes: lanes, colW: w / float64(cols)}
}

// Height is the block's height.
func (h *Heat) Height() float64 { return float64(h.Rows)*(h.RowH+h.Gap) - h.Gap }

// Caption says what the map shows in the words that fit width: what, the
// lanes it draws ("tasks over time: 2000 lanes"), then how many lanes a
// row stands for and how to read the shades.
func (h *Heat) Caption(width float64, what string) string {
	per := ", " + strconv.Itoa(h.Per)
	return Fit(width, what+per+" to a row; the darker, the more of them busy", what+per+" to a row",
		Plural(h.lanes, "lane")+per+" a row")
}

// RowTop is the top of the row lane is in.
func (h *Heat) RowTop(lane int) float64 { return h.Y + float64(lane/h.Per)*(h.RowH+h.Gap) }

// row is lane's row of role r's cells; nil when the lane is beyond them.
func (h *Heat) row(lane int, r Role) []float32 {
	i := lane / h.Per
	if i >= h.Rows {
		return nil
	}
	if h.cells[r] == nil {
		h.cells[r] = make([]float32, h.Rows*h.Cols)
	}
	return h.cells[r][i*h.Cols : (i+1)*h.Cols]
}

// Span adds lane's time in role r from x0 to x1, in pixels of the axis.
func (h *Heat) Span(lane int, x0, x1 float64, r Role) {
	if x1 <= x0 {
		return
	}
	g := h.row(lane, r)
	a, b := (x0-h.X)/h.colW, (x1-h.X)/h.colW
	for c := max(int(a), 0); c < len(g) && float64(c) < b; c++ {
		g[c] += float32(min(b, float64(c+1)) - max(a, float64(c)))
	}
}

// End adds an end of lane in role r at x, a pixel of the axis. Give ends
// roles of their own, apart from the spans'.
func (h *Heat) End(lane int, x float64, r Role) {
	if g := h.row(lane, r); g != nil {
		g[min(max(int((x-h.X)/h.colW), 0), h.Cols-1)]++
	}
}

// Draw shades the cells into p: time as the share of the row's lanes busy
// through the column, ends as the share of its lanes that ended in it.
// Neighbouring cells of one shade in a row are one rectangle.
func (h *Heat) Draw(p *Plan) {
	for r, g := range h.cells {
		for row := 0; g != nil && row < h.Rows; row++ {
			lanes := float64(min(h.Per, h.lanes-row*h.Per))
			y := h.Y + float64(row)*(h.RowH+h.Gap)
			start := 0
			for c := 1; c <= h.Cols; c++ {
				at, was := row*h.Cols+c, g[row*h.Cols+start]
				if c < h.Cols && level(float64(g[at])/lanes) == level(float64(was)/lanes) {
					continue
				}
				p.Shade(Role(r), float64(was)/lanes, Rect{X: h.X + float64(start)*h.colW, Y: y, W: float64(c-start) * h.colW, H: h.RowH})
				start = c
			}
		}
	}
}
