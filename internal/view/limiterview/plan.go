package limiterview

import (
	"strconv"

	"github.com/concurrency-patterns/playground/internal/view"
)

func (l layout) plan(v *Visual, s scene) view.Plan {
	p := view.Plan{W: l.w, H: l.h}
	view.Header(&p, pad, pad, s.t, s.end, status(s, l.w-2*pad), view.RoleMuted)
	l.slots(&p, s)
	l.queued(&p, v, s)
	l.left(&p, v, s)
	return p
}

// status sums the run up to t in words.
func status(s scene, width float64) string {
	if s.end == 0 {
		return "not run yet"
	}
	counts := "granted " + strconv.Itoa(s.granted) + " · gave up " + strconv.Itoa(s.gaveUp)
	return view.Fit(width, counts+" · max waiting "+strconv.Itoa(s.maxWaiting), counts)
}

func caption(p *view.Plan, y float64, s string) {
	p.Text(view.Text{X: pad, Y: y, S: s, Role: view.RoleMuted, Font: view.FontCaption})
}

func (l layout) slots(p *view.Plan, s scene) {
	held := 0
	for _, h := range s.holders {
		if h.id >= 0 {
			held++
		}
	}
	c := "slots: " + strconv.Itoa(held) + " of " + strconv.Itoa(len(s.holders)) + " held"
	if l.label == 0 {
		c = view.Fit(l.w-2*pad, c+", a cell a slot", c)
	}
	caption(p, l.lanes.CaptionY, c)
	for i, h := range s.holders {
		r := l.lanes.Rect(i)
		if l.label == 0 { // cells
			role := view.RoleTrack
			if h.id >= 0 {
				role = view.RoleRunning
			}
			p.Fill(role, r)
			continue
		}
		bar := view.Rect{X: r.X + l.label, Y: r.Y, W: l.w - 2*pad - l.label, H: r.H}
		p.Fill(view.RoleTrack, bar)
		if h.id < 0 {
			p.Text(view.Text{X: r.X, Y: r.Y + r.H/2, S: "free", Role: view.RoleMuted, Font: view.FontLabel})
			continue
		}
		p.Fill(view.RoleRunning, view.Rect{X: bar.X, Y: bar.Y, W: max(bar.W*min(h.progress, 1), 2), H: bar.H})
		p.Text(view.Text{X: r.X, Y: r.Y + r.H/2, S: "#" + strconv.Itoa(int(h.id)), Role: view.RoleText, Font: view.FontLabel})
	}
}

func (l layout) queued(p *view.Plan, v *Visual, s scene) {
	n := strconv.Itoa(s.waiting)
	c, brief := "queue: "+n+" waiting, in arrival order", "queue: "+n+" waiting"
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
	ok := s.done - s.gaveUp - s.crashed
	c, brief := "done: "+strconv.Itoa(ok)+" released", "done: "+strconv.Itoa(ok)+" ok"
	if s.crashed > 0 {
		c += " · " + strconv.Itoa(s.crashed) + " crashed"
		brief += " · " + strconv.Itoa(s.crashed) + " crashed"
	}
	if s.gaveUp > 0 {
		c += " · " + strconv.Itoa(s.gaveUp) + " gave up"
		brief += " · " + strconv.Itoa(s.gaveUp) + " quit"
	}
	counts := c
	if len(s.ended) < s.done {
		c += " · latest " + strconv.Itoa(len(s.ended))
	}
	caption(p, l.out.CaptionY, view.Fit(l.w-2*pad, c, counts, brief))
	runs := view.CellRuns{P: p, G: l.out}
	for i, ci := range s.ended {
		runs.Add(i, fateRole(v.x.callers[ci].fate))
	}
	runs.Flush()
}

func fateRole(f uint8) view.Role {
	switch f {
	case fateCrashed:
		return view.RoleCrashed
	case fateGaveUp:
		return view.RoleTimedOut
	}
	return view.RoleOK
}
