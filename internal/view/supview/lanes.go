package supview

import (
	"github.com/concurrency-patterns/playground/internal/view"
)

// laneRuns draws the children's runs as spans on a time axis, one lane per
// slot: the restarts as ticks, the window as a band on the axis, and the
// give-up as a bar through every lane.
func (l Layout) laneRuns(p *view.Plan, tl *Timeline, s Scene) {
	ln, axis := l.lanes, s.Axis
	c := "children: " + itoa(s.Counts.Running) + " running in " + view.Plural(ln.n, "lane")
	switch {
	case ln.heat:
		h := ln.newHeat()
		c = h.Caption(l.inner, c)
	case ln.shown < ln.n:
		c += " (first " + itoa(ln.shown) + " shown)"
	case ln.label && l.inner >= 480:
		c += "; ↻n: restarted n times"
	}
	l.text(p, pad, l.lanesCap, c, view.RoleMuted, view.FontCaption, view.AlignLeft)

	// The axis: its ends, the intensity window as a band, the cursor.
	ay := l.axisY
	l.text(p, ln.x, ay+6, "0", view.RoleMuted, view.FontLabel, view.AlignLeft)
	if !s.GaveUp {
		l.text(p, ln.x+ln.w, ay+6, view.Ms(axis)+" ms", view.RoleMuted, view.FontLabel, view.AlignRight)
	}
	p.Fill(view.RoleTrack, view.Rect{X: ln.x, Y: ay + 17, W: ln.w, H: 3})
	if s.End > 0 {
		x0, x1 := ln.xAt(max(s.WindowFrom, 0), axis), ln.xAt(s.WindowTo, axis)
		p.Fill(view.RoleWindow, view.Rect{X: x0, Y: ay + 16, W: max(x1-x0, 2), H: 5})
	}

	bottom := ln.bottom()
	for i := range ln.shown {
		p.Fill(view.RoleTrack, view.Rect{X: ln.x, Y: ln.laneY(i), W: ln.w, H: ln.h})
	}
	if ln.heat {
		h := ln.newHeat()
		for _, r := range tl.runs {
			if r.start > s.T {
				break
			}
			role := view.RoleRunning
			if r.end <= s.T {
				role = r.how.Role()
			}
			h.Span(int(r.lane), ln.xAt(r.start, axis), ln.xAt(min(r.end, s.T), axis), role)
		}
		h.Draw(p)
	}
	latest := make([]int, ln.shown) // the run shown in each lane's label, +1
	for i, r := range tl.runs {
		if ln.heat {
			break
		}
		if r.start > s.T {
			break
		}
		lane := int(r.lane)
		if lane < 0 || lane >= ln.shown {
			continue
		}
		latest[lane] = i + 1
		l.span(p, r, s.T, axis, ln.laneY(lane))
	}
	// Restarts: a tick a little taller than the lane, where one run ends
	// and the next begins.
	for i, at := range tl.restarts[:view.TickAt(tl.restarts, s.T)] {
		lane := int(tl.restartL[i])
		if ln.heat {
			p.Fill(view.RoleRestart, view.Rect{X: ln.xAt(at, axis) - 1, Y: ay + 12, W: 2, H: 4})
			continue
		}
		if lane < 0 || lane >= ln.shown {
			continue
		}
		over := min(2, ln.gap)
		p.Fill(view.RoleRestart, view.Rect{X: ln.xAt(at, axis) - 1, Y: ln.laneY(lane) - over, W: 2, H: ln.h + 2*over})
		p.Fill(view.RoleRestart, view.Rect{X: ln.xAt(at, axis) - 1, Y: ay + 12, W: 2, H: 4})
	}
	if ln.label {
		for lane, i := range latest {
			if i == 0 {
				continue
			}
			r := tl.runs[i-1]
			label := "#" + itoa(int(r.child))
			if r.inc > 0 {
				label += " ↻" + itoa(int(r.inc))
			}
			l.text(p, ln.labelX, ln.laneY(lane)+ln.h/2, label, view.RoleText, view.FontLabel, view.AlignLeft)
		}
	}
	if s.End > 0 && s.T < s.End {
		p.Fill(view.RoleText, view.Rect{X: ln.xAt(s.T, axis), Y: ay + 14, W: 1, H: bottom - ay - 14})
	}
	if s.GaveUp {
		l.gaveUp(p, tl, axis, bottom)
	} else if s.Stopping {
		x := ln.xAt(tl.stopping, axis)
		p.Fill(view.RoleMuted, view.Rect{X: x - 1, Y: ay + 14, W: 2, H: bottom - ay - 14})
	}
}

// span draws one run up to t: full height while it worked, a thinner bar
// once the supervisor asked it to stop.
func (l Layout) span(p *view.Plan, r run, t, axis, y float64) {
	ln := l.lanes
	role := view.RoleRunning
	if r.end <= t {
		role = r.how.Role()
	}
	x0 := ln.xAt(r.start, axis)
	until := min(r.end, t)
	work := min(until, r.stopping)
	x1 := ln.xAt(work, axis)
	// A pixel between runs that follow each other in a lane.
	p.Fill(role, view.Rect{X: x0, Y: y, W: max(x1-x0-1, 1), H: ln.h})
	if r.stopping < until {
		x2 := ln.xAt(until, axis)
		th := max(ln.h/3, 1)
		p.Fill(role, view.Rect{X: x1, Y: y + (ln.h-th)/2, W: max(x2-x1, 1), H: th})
	}
}

// gaveUp is the supervisor's end: a bar through the axis and every lane,
// its label, and the rest of the run it will never have.
func (l Layout) gaveUp(p *view.Plan, tl *Timeline, axis, bottom float64) {
	ln, ay := l.lanes, l.axisY
	x := ln.xAt(tl.gaveUp, axis)
	p.Fill(view.RoleAlert, view.Rect{X: min(x-1.5, ln.x+ln.w-3), Y: ay, W: 3, H: bottom - ay})
	if rest := ln.x + ln.w - x; rest > 2 {
		p.Fill(view.RoleAlert, view.Rect{X: x, Y: ay + 17, W: rest, H: 3})
	}
	label, align, lx := "✕ gave up at "+view.Ms(tl.gaveUp)+" ms", view.AlignRight, x-5
	if x-ln.x < 150 {
		align, lx = view.AlignLeft, x+5
	}
	l.text(p, lx, ay+6, label, view.RoleAlert, view.FontCaption, align)
}
