package view

// Grid is a block of square cells filled row by row, with a caption line
// above it: the queue, buffer and results of a visual.
type Grid struct {
	CaptionY   float64 // the caption's centre line
	X, Y       float64
	Cols, Rows int
	Cell, Gap  float64
}

// Capacity is how many cells the grid shows.
func (g Grid) Capacity() int { return g.Cols * g.Rows }

// Height is the grid's height without its caption.
func (g Grid) Height() float64 {
	if g.Rows == 0 {
		return 0
	}
	return float64(g.Rows)*(g.Cell+g.Gap) - g.Gap
}

// Rect is cell i.
func (g Grid) Rect(i int) Rect {
	r, c := i/g.Cols, i%g.Cols
	return Rect{X: g.X + float64(c)*(g.Cell+g.Gap), Y: g.Y + float64(r)*(g.Cell+g.Gap), W: g.Cell, H: g.Cell}
}

// CellRuns fills the cells of a grid in order. In a grid without gaps,
// neighbours of one role in a row make one rectangle: a dense grid of
// thousands of results costs a few rectangles, not thousands of canvas
// calls. Call Flush when done.
type CellRuns struct {
	P    *Plan
	G    Grid
	role Role
	r    Rect
	last int // the index of the cell r ends with
	open bool
}

// Add fills cell i with role.
func (c *CellRuns) Add(i int, role Role) {
	r := c.G.Rect(i)
	if c.open && c.G.Gap == 0 && role == c.role && i == c.last+1 && r.Y == c.r.Y {
		c.r.W += r.W
		c.last = i
		return
	}
	c.Flush()
	c.role, c.r, c.last, c.open = role, r, i, true
}

// Flush fills the run in progress.
func (c *CellRuns) Flush() {
	if c.open {
		c.P.Fill(c.role, c.r)
		c.open = false
	}
}
