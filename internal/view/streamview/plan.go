package streamview

import (
	"strconv"

	"github.com/concurrency-patterns/playground/internal/view"
)

// Plan draws s. The scene should come from [Timeline.Scene] with
// [Layout.Limits]; cells beyond what fits are left out.
func (l Layout) Plan(s Scene) view.Plan {
	p := view.Plan{W: l.W, H: l.H}
	l.header(&p, s)
	l.queueCells(&p, s)
	l.laneBars(&p, s)
	if l.cfg.Ordered {
		l.bufferCells(&p, s)
	}
	l.outCells(&p, s)
	return p
}

func (l Layout) header(p *view.Plan, s Scene) {
	status, role := l.status(s)
	view.Header(p, pad, pad, s.T, s.End, status, role)
}

// status says in words what the stream is doing.
func (l Layout) status(s Scene) (string, view.Role) {
	c := s.Counts
	switch {
	case s.Halted && s.Reason != "":
		return "stream halted: " + s.Reason, view.RoleAlert
	case s.Halted:
		return "stream done: " + view.Plural(c.Emitted, "result") + " emitted", view.RoleMuted
	case s.End == 0:
		return "not run yet", view.RoleMuted
	}
	return "running: " + view.Plural(c.Running, "task") + ", " + view.Plural(c.Emitted, "result") + " emitted", view.RoleMuted
}

// inner is the width between the paddings.
func (l Layout) inner() float64 { return l.W - 2*pad }

func (l Layout) caption(p *view.Plan, g view.Grid, s string) {
	p.Text(view.Text{X: g.X, Y: g.CaptionY, S: s, Role: view.RoleMuted, Font: view.FontCaption})
}

func (l Layout) queueCells(p *view.Plan, s Scene) {
	c := "input: " + strconv.Itoa(s.Counts.Queued) + " waiting"
	if s.Halted && s.Counts.Queued > 0 {
		// A halt leaves them for good: say so, as the buffer does.
		n := view.Plural(s.Counts.Queued, "item")
		c = view.Fit(l.inner(), "input: "+n+" never started: the stream halted", "input: "+n+" never started")
	}
	if len(s.Queue) < s.Counts.Queued {
		c = view.Fit(l.inner(), c+" (first "+strconv.Itoa(len(s.Queue))+" shown)", c+", first "+strconv.Itoa(len(s.Queue)))
	}
	l.caption(p, l.queue, c)
	runs := view.CellRuns{P: p, G: l.queue}
	for i, cell := range s.Queue[:min(len(s.Queue), l.queue.Capacity())] {
		r := view.RoleWaiting
		if cell.Pulled {
			r = view.RolePulled
		}
		runs.Add(i, r)
	}
	runs.Flush()
}

func (l Layout) laneBars(p *view.Plan, s Scene) {
	ln := l.lanes
	c := "tasks: " + strconv.Itoa(s.Counts.Running) + " of " + view.Plural(len(s.Lanes), "slot") + " busy"
	if ln.cells.Cols > 0 {
		c = view.Fit(l.inner(), c+", a cell a slot (too many for a lane each)", c+", a cell a slot", c)
	}
	p.Text(view.Text{X: ln.x, Y: ln.captionY, Role: view.RoleMuted, Font: view.FontCaption, S: c})
	if ln.cells.Cols > 0 {
		runs := view.CellRuns{P: p, G: ln.cells}
		for i, lane := range s.Lanes[:min(len(s.Lanes), ln.cells.Capacity())] {
			role := view.RoleTrack
			if lane.ID >= 0 {
				role = view.RoleRunning
			}
			runs.Add(i, role)
		}
		runs.Flush()
		return
	}
	lanes := s.Lanes[:min(len(s.Lanes), ln.cols*ln.rows)]
	dense := ln.h < denseLane
	if dense {
		// One track behind each column rather than one per lane: with
		// hundreds of slots, a thousand fewer canvas calls a frame.
		for c := 0; c*ln.rows < len(lanes); c++ {
			n := min(len(lanes)-c*ln.rows, ln.rows)
			_, _, top := ln.box(c * ln.rows)
			_, _, bottom := ln.box(c*ln.rows + n - 1)
			p.Fill(view.RoleTrack, view.Rect{X: top.X, Y: top.Y, W: top.W, H: bottom.Y + bottom.H - top.Y})
		}
	}
	for i, lane := range lanes {
		lx, ly, bar := ln.box(i)
		if !dense {
			p.Fill(view.RoleTrack, bar)
		}
		if lane.ID < 0 {
			continue
		}
		p.Fill(view.RoleRunning, view.Rect{X: bar.X, Y: bar.Y, W: bar.W * lane.Progress, H: bar.H})
		if ln.label > 0 {
			p.Text(view.Text{X: lx, Y: ly, S: "#" + strconv.Itoa(lane.ID), Role: view.RoleText, Font: view.FontLabel})
		}
	}
}

func (l Layout) bufferCells(p *view.Plan, s Scene) {
	n := view.Plural(s.Counts.Buffered, "result")
	long, short := "buffer: "+n+" finished out of order", "buffer: "+n
	switch {
	case s.Counts.Buffered == 0:
	case s.Halted:
		long, short = "buffer: "+n+" never emitted: the stream halted", "buffer: "+n+" never emitted"
	case s.Head >= 0:
		long += ", waiting for #" + strconv.Itoa(s.Head)
		short += ", waiting for #" + strconv.Itoa(s.Head)
	}
	if len(s.Buffer) < s.Counts.Buffered {
		first := " (first " + strconv.Itoa(len(s.Buffer)) + " shown)"
		long, short = long+first, short+first
	}
	l.caption(p, l.buf, view.Fit(l.inner(), long, short, n+" in the buffer"))
	runs := view.CellRuns{P: p, G: l.buf}
	for i, cell := range s.Buffer[:min(len(s.Buffer), l.buf.Capacity())] {
		runs.Add(i, cell.Outcome.Role(cell.Abandoned))
	}
	runs.Flush()
}

func (l Layout) outCells(p *view.Plan, s Scene) {
	c := "results: " + strconv.Itoa(s.Counts.Emitted) + " emitted"
	if s.Counts.Cancelled > 0 {
		c += ", " + strconv.Itoa(s.Counts.Cancelled) + " cancelled"
	}
	short := c
	if !s.Ordered && s.Counts.Buffered > 0 {
		c += ", " + strconv.Itoa(s.Counts.Buffered) + " finished but not emitted"
	}
	if ended := s.Counts.ended(); ended != "" && l.tally.H == 0 {
		c += "; tasks ended: " + ended
	}
	if l.tally.H > 0 {
		// Too many results for a cell each: the bar counts them all, of
		// every input, and the cells are the latest.
		of := " of " + strconv.Itoa(l.cfg.Items)
		c = view.Fit(l.inner(), c+of+"; the bar counts all, the cells are the latest", c+of+"; cells: the latest", short+of)
		view.Tally(p, l.tally, l.cfg.Items, &s.Left)
	} else if s.OutFrom > 0 {
		c = view.Fit(l.inner(), c+" (last "+strconv.Itoa(len(s.Out))+" shown)", short+" (last "+strconv.Itoa(len(s.Out))+" shown)", short)
	}
	l.caption(p, l.out, view.Fit(l.inner(), c, short))
	shown := s.Out[:min(len(s.Out), l.out.Capacity())]
	runs := view.CellRuns{P: p, G: l.out}
	for i, cell := range shown {
		runs.Add(i, cell.Outcome.Role(cell.Abandoned))
	}
	// Empty cells for the results still to come, while they fit.
	to := min(l.out.Capacity(), l.cfg.Items-s.OutFrom)
	for i := len(shown); i < to; i++ {
		runs.Add(i, view.RoleTrack)
	}
	runs.Flush()
}
