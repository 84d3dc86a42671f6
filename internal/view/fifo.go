package view

import (
	"math"
	"sort"
	"strconv"
)

// The helpers below serve the visuals of patterns that hand out slots and
// keep a FIFO queue of callers (limiter, pool, spawning): an index of
// event times, a header, and the queue drawn as labelled chips.

// Tick is an index into a visual's distinct event times (see [TimesOf]):
// a step at tick i has happened at time t when i < TickAt(times, t).
// Indexes of four bytes keep a visual within its memory budget per event.
type Tick = int32

// NoTick is the tick of a step not taken.
const NoTick Tick = math.MaxInt32

// TickAt is how many of the ascending times are at or before t.
func TickAt(times []float64, t float64) Tick {
	return Tick(sort.Search(len(times), func(i int) bool { return times[i] > t }))
}

// TickOf is the index of at in times, which must hold it.
func TickOf(times []float64, at float64) Tick { return Tick(sort.SearchFloat64s(times, at)) }

// HeaderH is the height of [Header]: the clock and the status line.
const HeaderH = 38.0

// Header draws the clock readout, the run's length and a status line at
// (x, y), the top left of the header.
func Header(p *Plan, x, y, t, end float64, status string, role Role) {
	Clock(p, x, y, t, end)
	p.Text(Text{X: x, Y: y + 29, S: status, Role: role, Font: FontCaption})
}

// Clock draws the first line of [Header] alone, the clock readout and the
// run's length, for a visual that draws its own status below.
func Clock(p *Plan, x, y, t, end float64) {
	p.Text(Text{X: x, Y: y + 9, S: Ms(t) + " ms", Role: RoleText, Font: FontClock})
	if end > 0 {
		// The total sits after the widest reading this run can show, in
		// fewer words when a long run leaves little room.
		at := x + TextWidth(Ms(end)+" ms", FontClock) + 8
		total := Fit(p.W-x-at, "of "+Ms(end)+" virtual ms", "of "+Ms(end)+" ms", "/ "+Ms(end))
		p.Text(Text{X: at, Y: y + 9, S: total, Role: RoleMuted, Font: FontCaption})
	}
}

// Chips is a FIFO queue drawn as labelled boxes, head first, row by row:
// the caller's id in each box, and under it a strip that grows as its
// wait nears its timeout.
type Chips struct {
	X, Y, W, H float64 // the first chip's corner and every chip's size
	Gap        float64
	Cols, Rows int
}

// NewChips fits rows of chips wide enough for ids up to maxID into width.
func NewChips(x, y, width float64, maxID, rows int) Chips {
	w := 6.5*float64(len(strconv.Itoa(max(maxID, 0)))+1) + 10
	return Chips{X: x, Y: y, W: w, H: 18, Gap: 4, Rows: rows, Cols: max(int((width+4)/(w+4)), 1)}
}

// Capacity is how many chips fit.
func (c Chips) Capacity() int { return c.Cols * c.Rows }

// Height is the block's height.
func (c Chips) Height() float64 { return float64(c.Rows)*(c.H+c.Gap) - c.Gap }

// Rect is chip i.
func (c Chips) Rect(i int) Rect {
	r, col := i/c.Cols, i%c.Cols
	return Rect{X: c.X + float64(col)*(c.W+c.Gap), Y: c.Y + float64(r)*(c.H+c.Gap), W: c.W, H: c.H}
}

// Chip draws chip i for caller id in role; waited is the share of its
// timeout spent waiting so far (0 for none), drawn in [RoleTimedOut].
func (c Chips) Chip(p *Plan, i, id int, role Role, waited float64) {
	r := c.Rect(i)
	p.Fill(role, Rect{X: r.X, Y: r.Y, W: r.W, H: r.H - 3})
	p.Fill(RoleTrack, Rect{X: r.X, Y: r.Y + r.H - 2, W: r.W, H: 2})
	if waited > 0 {
		p.Fill(RoleTimedOut, Rect{X: r.X, Y: r.Y + r.H - 2, W: r.W * min(waited, 1), H: 2})
	}
	p.Text(Text{X: r.X + r.W/2, Y: r.Y + (r.H-3)/2, S: strconv.Itoa(id), Role: RoleText, Font: FontLabel, Align: AlignCenter})
}
