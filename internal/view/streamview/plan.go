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

func (l Layout) caption(p *view.Plan, g view.Grid, s string) {
	p.Text(view.Text{X: g.X, Y: g.CaptionY, S: s, Role: view.RoleMuted, Font: view.FontCaption})
}

func (l Layout) queueCells(p *view.Plan, s Scene) {
	c := "input: " + strconv.Itoa(s.Counts.Queued) + " waiting"
	if len(s.Queue) < s.Counts.Queued {
		c += " (first " + strconv.Itoa(len(s.Queue)) + " shown)"
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
	p.Text(view.Text{X: ln.x, Y: ln.captionY, Role: view.RoleMuted, Font: view.FontCaption,
		S: "tasks: " + strconv.Itoa(s.Counts.Running) + " of " + view.Plural(len(s.Lanes), "slot") + " busy"})
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
	c := "buffer: " + view.Plural(s.Counts.Buffered, "result") + " finished out of order"
	switch {
	case s.Counts.Buffered == 0:
	case s.Halted:
		c = "buffer: " + view.Plural(s.Counts.Buffered, "result") + " never emitted: the stream halted"
	case s.Head >= 0:
		c += ", waiting for #" + strconv.Itoa(s.Head)
	}
	if len(s.Buffer) < s.Counts.Buffered {
		c += " (first " + strconv.Itoa(len(s.Buffer)) + " shown)"
	}
	l.caption(p, l.buf, c)
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
	if !s.Ordered && s.Counts.Buffered > 0 {
		c += ", " + strconv.Itoa(s.Counts.Buffered) + " finished but not emitted"
	}
	if s.OutFrom > 0 {
		c += " (last " + strconv.Itoa(len(s.Out)) + " shown)"
	}
	l.caption(p, l.out, c)
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
