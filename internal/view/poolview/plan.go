package poolview

import (
	"strconv"

	"github.com/concurrency-patterns/playground/internal/view"
)

func (l layout) plan(v *Visual, s scene) view.Plan {
	p := view.Plan{W: l.w, H: l.h}
	status := "not run yet"
	if s.end > 0 {
		status = v.x.state(s) + ": " + strconv.Itoa(s.idle) + " idle, " + strconv.Itoa(s.busy) + " busy, " +
			strconv.Itoa(s.overflow) + " of " + strconv.Itoa(v.x.lanes-v.x.size) + " extra"
	}
	view.Header(&p, pad, pad, s.t, s.end, status, view.RoleMuted)
	l.workers(&p, s)
	l.queued(&p, v, s)
	l.left(&p, v, s)
	return p
}

func caption(p *view.Plan, y float64, s string) {
	p.Text(view.Text{X: pad, Y: y, S: s, Role: view.RoleMuted, Font: view.FontCaption})
}

// busyRole is the colour of a checked-out worker: overflow workers stand out.
func busyRole(ln lane) view.Role {
	if ln.overflow {
		return view.RoleOverflow
	}
	return view.RoleRunning
}

func (l layout) workers(p *view.Plan, s scene) {
	c := "workers: " + strconv.Itoa(s.live) + " alive, size " + strconv.Itoa(l.size)
	if l.label == 0 {
		c = view.Fit(l.w-2*pad, c+", a cell a worker", c)
	}
	caption(p, l.lanesY-captionH+8, c)
	if l.label == 0 {
		for i, ln := range s.lanes {
			role := view.RoleTrack
			switch {
			case ln.empty:
			case ln.kind == idle:
				role = view.RolePulled
			case ln.kind == busy:
				role = busyRole(ln)
			case ln.kind == dead:
				role = view.RoleCrashed
			}
			p.Fill(role, l.cells.Rect(i))
		}
		return
	}
	if l.overflow {
		caption(p, l.ovfY, "overflow room, made on demand")
	}
	for i, ln := range s.lanes {
		r := l.laneRect(i)
		bar := view.Rect{X: r.X + l.label, Y: r.Y, W: r.W - l.label, H: r.H}
		p.Fill(view.RoleTrack, bar)
		label, role := "", view.RoleMuted
		switch {
		case ln.empty:
		case ln.kind == idle:
			p.Fill(view.RolePulled, bar)
			label = "idle"
		case ln.kind == busy:
			p.Fill(busyRole(ln), view.Rect{X: bar.X, Y: bar.Y, W: max(bar.W*min(ln.progress, 1), 2), H: bar.H})
			label, role = "#"+strconv.Itoa(int(ln.caller)), view.RoleText
		case ln.kind == dead:
			p.Fill(view.RoleCrashed, view.Rect{X: bar.X, Y: bar.Y, W: 4, H: bar.H})
			label, role = "died", view.RoleAlert
		}
		if label != "" {
			p.Text(view.Text{X: r.X, Y: r.Y + r.H/2, S: label, Role: role, Font: view.FontLabel})
		}
	}
}

func (l layout) queued(p *view.Plan, v *Visual, s scene) {
	n := strconv.Itoa(s.waiting)
	c, brief := "queue: "+n+" waiting (max "+strconv.Itoa(s.maxWaiting)+"), in order", "queue: "+n+" waiting"
	if len(s.queue) < s.waiting {
		shown := " · " + strconv.Itoa(len(s.queue)) + " shown"
		c, brief = c+shown, brief+shown
	}
	caption(p, l.queue.Y-captionH+8, view.Fit(l.w-2*pad, c, brief))
	for i, ci := range s.queue {
		cl := &v.x.callers[ci]
		waited := 0.0
		if v.timeout > 0 {
			waited = (s.t - v.x.times[cl.queued]) / v.timeout
		}
		l.queue.Chip(p, i, int(cl.id), view.RoleWaiting, waited)
	}
}

func (l layout) left(p *view.Plan, v *Visual, s scene) {
	c, brief := "done: "+strconv.Itoa(s.served)+" served", "done: "+strconv.Itoa(s.served)+" ok"
	if s.crashed > 0 {
		// The caller did not crash: the worker it held died under it.
		c += " · " + strconv.Itoa(s.crashed) + " lost their worker"
		brief += " · " + strconv.Itoa(s.crashed) + " lost worker"
	}
	if s.failed > 0 {
		c += " · " + strconv.Itoa(s.failed) + " timed out"
		brief += " · " + strconv.Itoa(s.failed) + " t/o"
	}
	counts := c
	if len(s.ended) < s.done {
		c += " · latest " + strconv.Itoa(len(s.ended))
	}
	caption(p, l.out.CaptionY, view.Fit(l.w-2*pad, c, counts, brief))
	runs := view.CellRuns{P: p, G: l.out}
	for i, ci := range s.ended {
		role := view.RoleOK
		switch v.x.callers[ci].fate {
		case fateCrashed:
			role = view.RoleCrashed
		case fateFailed:
			role = view.RoleTimedOut
		}
		runs.Add(i, role)
	}
	runs.Flush()
}
