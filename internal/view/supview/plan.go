package supview

import (
	"github.com/concurrency-patterns/playground/internal/view"
)

// Plan draws tl at t with layout l.
func (l Layout) Plan(tl *Timeline, t float64) view.Plan {
	p := view.Plan{W: l.W, H: l.H}
	s := tl.Scene(t)
	l.header(&p, s)
	l.gaugeCells(&p, s)
	l.laneRuns(&p, tl, s)
	if l.refCap > 0 {
		l.refusedCells(&p, s)
	}
	l.counts(&p, s)
	return p
}

func (l Layout) text(p *view.Plan, x, y float64, s string, r view.Role, f view.Font, a view.Align) {
	p.Text(view.Text{X: x, Y: y, S: s, Role: r, Font: f, Align: a})
}

func (l Layout) header(p *view.Plan, s Scene) {
	view.Clock(p, pad, pad, s.T, s.End)
	status, role := l.status(s)
	x := pad
	if s.GaveUp {
		// A callout: the give-up is the one thing that must not be missed.
		x += 10
		p.Fill(view.RoleAlert, view.Rect{X: pad, Y: l.statusY - 8, W: 4, H: float64(l.reasonN+1)*lineH + 1})
	}
	l.text(p, x, l.statusY, status, role, view.FontCaption, view.AlignLeft)
	detail := l.settings()
	if s.Stopping {
		detail = "reason: " + s.Reason
	}
	for i, line := range wrap(detail, l.inner-(x-pad), l.reasonN) {
		r := view.RoleMuted
		if s.GaveUp {
			r = view.RoleAlert
		}
		l.text(p, x, l.statusY+float64(i+1)*lineH, line, r, view.FontCaption, view.AlignLeft)
	}
}

// status says in words how the supervisor stands.
func (l Layout) status(s Scene) (string, view.Role) {
	c := s.Counts
	switch {
	case s.GaveUp:
		return "✕ GAVE UP: every child stopped", view.RoleAlert
	case s.Stopped:
		return "stopped as asked: " + view.Plural(c.Restarts, "restart") + " in all", view.RoleMuted
	case s.Stopping:
		return "stopping: waiting for every child", view.RoleMuted
	case s.End == 0:
		return "not run yet", view.RoleMuted
	}
	return "running: " + children(c.Running) + ", " + view.Plural(c.Restarts, "restart"), view.RoleMuted
}

// settings are the parameters that decide the picture, in a line.
func (l Layout) settings() string {
	c := l.cfg
	s := "gives up at restart " + itoa(c.MaxRestarts+1) + " within " + view.Ms(c.Period/1000) + " s"
	if c.MaxChildren > 0 {
		return s + "; at most " + children(c.MaxChildren)
	}
	return s + "; no limit on children"
}

func (l Layout) gaugeCells(p *view.Plan, s Scene) {
	g, c := l.gauge, l.cfg
	n := len(s.Window)
	caption := "restarts in the last " + view.Ms(c.Period/1000) + " s: " + itoa(n) + " of " + itoa(c.MaxRestarts)
	capRole := view.RoleMuted
	switch {
	case s.GaveUp:
		caption, capRole = "one restart too many: gave up", view.RoleAlert
	case n >= c.MaxRestarts && !s.Stopping:
		caption, capRole = caption+" (full)", view.RoleAlert
	}
	l.text(p, pad, l.gaugeCap, caption, capRole, view.FontCaption, view.AlignLeft)
	fill := view.RoleRestart
	if n >= c.MaxRestarts {
		fill = view.RoleAlert
	}
	for i := range g.n {
		box := view.Rect{X: g.x + float64(i)*(g.w+g.gap), Y: g.y, W: g.w, H: gaugeH}
		last := i == g.n-1
		switch {
		case last && s.GaveUp:
			p.Fill(view.RoleAlert, box)
		case i < n:
			p.Fill(view.RoleTrack, box)
			// A restart's cell drains as it ages out of the window.
			left := min(max((s.Window[i]+c.Period-s.WindowTo)/c.Period, 0), 1)
			h := max(gaugeH*left, 2)
			p.Fill(fill, view.Rect{X: box.X, Y: box.Y + gaugeH - h, W: box.W, H: h})
		default:
			p.Fill(view.RoleTrack, box)
		}
		if !g.stamps {
			continue
		}
		cx, sy := box.X+box.W/2, box.Y+gaugeH+10
		switch {
		case last && s.GaveUp:
			l.text(p, cx, sy, "gave up", view.RoleAlert, view.FontLabel, view.AlignCenter)
		case last:
			l.text(p, cx, sy, "too many", view.RoleMuted, view.FontLabel, view.AlignCenter)
		case i < n:
			l.text(p, cx, sy, view.Ms(s.Window[i]), view.RoleText, view.FontLabel, view.AlignCenter)
		}
		if last && !s.GaveUp {
			l.text(p, cx, box.Y+gaugeH/2, "✕", view.RoleMuted, view.FontLabel, view.AlignCenter)
		}
	}
	win := "window: " + view.Ms(max(s.WindowFrom, 0)) + " – " + view.Ms(s.WindowTo) + " ms"
	if s.Stopping {
		win += " (frozen)"
	}
	l.text(p, pad, g.y+gaugeH+4+12+lineH/2+2, win, view.RoleMuted, view.FontCaption, view.AlignLeft)
}
