package view

import (
	"strconv"
	"strings"
)

// Rect is a rectangle in CSS pixels.
type Rect struct{ X, Y, W, H float64 }

// Font is one of the few text styles of the canvas; the drawer maps each to
// a CSS font.
type Font uint8

// Fonts.
const (
	FontCaption Font = iota // section captions and the status line
	FontLabel               // item ids in the lanes, monospace
	FontClock               // the clock readout, monospace
)

// Align says which end of a text its X is.
type Align uint8

// Alignments.
const (
	AlignLeft Align = iota
	AlignRight
)

// Text is one run of text, vertically centred on Y.
type Text struct {
	X, Y  float64
	S     string
	Role  Role
	Font  Font
	Align Align
}

// Plan is one frame as plain data: every rectangle grouped by colour role,
// to be filled as one path per role in role order, then the texts in order.
type Plan struct {
	W, H  float64
	Fills [RoleCount][]Rect
	Texts []Text
}

func (p *Plan) fill(r Role, rect Rect) { p.Fills[r] = append(p.Fills[r], rect) }

func (p *Plan) text(t Text) { p.Texts = append(p.Texts, t) }

// Plan draws s. The scene should come from [Timeline.Scene] with
// [Layout.Limits]; cells beyond what fits are left out.
func (l Layout) Plan(s Scene) Plan {
	p := Plan{W: l.W, H: l.H}
	l.header(&p, s)
	l.queueCells(&p, s)
	l.laneBars(&p, s)
	if l.cfg.Ordered {
		l.bufferCells(&p, s)
	}
	l.outCells(&p, s)
	return p
}

func (l Layout) header(p *Plan, s Scene) {
	clock := Ms(s.T) + " ms"
	p.text(Text{X: pad, Y: pad + 9, S: clock, Role: RoleText, Font: FontClock})
	// The clock font is monospace, about 0.6 em wide a character: the
	// total sits after the widest reading this run can show.
	if s.End > 0 {
		x := pad + 9.5*float64(len(Ms(s.End)+" ms")) + 8
		p.text(Text{X: x, Y: pad + 9, S: "of " + Ms(s.End) + " virtual ms", Role: RoleMuted, Font: FontCaption})
	}
	status, role := l.status(s)
	p.text(Text{X: pad, Y: pad + 29, S: status, Role: role, Font: FontCaption})
}

// status says in words what the stream is doing.
func (l Layout) status(s Scene) (string, Role) {
	c := s.Counts
	switch {
	case s.Halted && s.Reason != "":
		return "stream halted: " + s.Reason, RoleAlert
	case s.Halted:
		return "stream done: " + plural(c.Emitted, "result") + " emitted", RoleMuted
	case s.End == 0:
		return "not run yet: press Run", RoleMuted
	}
	return "running: " + plural(c.Running, "task") + ", " + plural(c.Emitted, "result") + " emitted", RoleMuted
}

func (l Layout) caption(p *Plan, g grid, s string) {
	p.text(Text{X: g.x, Y: g.captionY, S: s, Role: RoleMuted, Font: FontCaption})
}

func (l Layout) queueCells(p *Plan, s Scene) {
	c := "input: " + strconv.Itoa(s.Counts.Queued) + " waiting"
	if len(s.Queue) < s.Counts.Queued {
		c += " (first " + strconv.Itoa(len(s.Queue)) + " shown)"
	}
	l.caption(p, l.queue, c)
	runs := cellRuns{p: p, g: l.queue}
	for i, cell := range s.Queue[:min(len(s.Queue), l.queue.capacity())] {
		r := RoleWaiting
		if cell.Pulled {
			r = RolePulled
		}
		runs.add(i, r)
	}
	runs.flush()
}

func (l Layout) laneBars(p *Plan, s Scene) {
	ln := l.lanes
	p.text(Text{X: ln.x, Y: ln.captionY, Role: RoleMuted, Font: FontCaption,
		S: "tasks: " + strconv.Itoa(s.Counts.Running) + " of " + plural(len(s.Lanes), "slot") + " busy"})
	lanes := s.Lanes[:min(len(s.Lanes), ln.cols*ln.rows)]
	dense := ln.h < denseLane
	if dense {
		// One track behind each column rather than one per lane: with
		// hundreds of slots, a thousand fewer canvas calls a frame.
		for c := 0; c*ln.rows < len(lanes); c++ {
			n := min(len(lanes)-c*ln.rows, ln.rows)
			_, _, top := ln.box(c * ln.rows)
			_, _, bottom := ln.box(c*ln.rows + n - 1)
			p.fill(RoleTrack, Rect{X: top.X, Y: top.Y, W: top.W, H: bottom.Y + bottom.H - top.Y})
		}
	}
	for i, lane := range lanes {
		lx, ly, bar := ln.box(i)
		if !dense {
			p.fill(RoleTrack, bar)
		}
		if lane.ID < 0 {
			continue
		}
		p.fill(RoleRunning, Rect{X: bar.X, Y: bar.Y, W: bar.W * lane.Progress, H: bar.H})
		if ln.label > 0 {
			p.text(Text{X: lx, Y: ly, S: "#" + strconv.Itoa(lane.ID), Role: RoleText, Font: FontLabel})
		}
	}
}

func (l Layout) bufferCells(p *Plan, s Scene) {
	c := "buffer: " + plural(s.Counts.Buffered, "result") + " finished out of order"
	switch {
	case s.Counts.Buffered == 0:
	case s.Halted:
		c = "buffer: " + plural(s.Counts.Buffered, "result") + " never emitted: the stream halted"
	case s.Head >= 0:
		c += ", waiting for #" + strconv.Itoa(s.Head)
	}
	if len(s.Buffer) < s.Counts.Buffered {
		c += " (first " + strconv.Itoa(len(s.Buffer)) + " shown)"
	}
	l.caption(p, l.buf, c)
	runs := cellRuns{p: p, g: l.buf}
	for i, cell := range s.Buffer[:min(len(s.Buffer), l.buf.capacity())] {
		runs.add(i, cell.Outcome.role(cell.Abandoned))
	}
	runs.flush()
}

func (l Layout) outCells(p *Plan, s Scene) {
	c := "results: " + strconv.Itoa(s.Counts.Emitted) + " emitted"
	if s.Counts.Cancelled > 0 {
		c += ", " + strconv.Itoa(s.Counts.Cancelled) + " cancelled"
	}
	if !s.Ordered && s.Counts.Buffered > 0 {
		c += ", " + strconv.Itoa(s.Counts.Buffered) + " finished but not emitted"
	}
	if s.OutFrom > 0 {
		c += " (last " + strconv.Itoa(len(s.Out)) + " shown)"
	}
	l.caption(p, l.out, c)
	shown := s.Out[:min(len(s.Out), l.out.capacity())]
	runs := cellRuns{p: p, g: l.out}
	for i, cell := range shown {
		runs.add(i, cell.Outcome.role(cell.Abandoned))
	}
	// Empty cells for the results still to come, while they fit.
	to := min(l.out.capacity(), l.cfg.Items-s.OutFrom)
	for i := len(shown); i < to; i++ {
		runs.add(i, RoleTrack)
	}
	runs.flush()
}

// cellRuns fills the cells of a grid in order. In a grid without gaps,
// neighbours of one role in a row make one rectangle: a dense grid of
// thousands of results costs a few rectangles, not thousands of canvas
// calls.
type cellRuns struct {
	p    *Plan
	g    grid
	role Role
	r    Rect
	last int // the index of the cell r ends with
	open bool
}

func (c *cellRuns) add(i int, role Role) {
	r := c.g.rect(i)
	if c.open && c.g.gap == 0 && role == c.role && i == c.last+1 && r.Y == c.r.Y {
		c.r.W += r.W
		c.last = i
		return
	}
	c.flush()
	c.role, c.r, c.last, c.open = role, r, i, true
}

func (c *cellRuns) flush() {
	if c.open {
		c.p.fill(c.role, c.r)
		c.open = false
	}
}

// Ms formats virtual milliseconds as a whole number with thousands
// separators, e.g. "12,345".
func Ms(v float64) string {
	s := strconv.FormatInt(int64(v), 10)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func plural(n int, noun string) string {
	s := strconv.Itoa(n) + " " + noun
	if n != 1 {
		s += "s"
	}
	return s
}
