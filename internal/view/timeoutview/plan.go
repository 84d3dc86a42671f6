package timeoutview

import (
	"strconv"

	"github.com/concurrency-patterns/playground/internal/view"
)

// Plan draws tl at time t.
func (l Layout) Plan(tl *Timeline, t float64) view.Plan {
	p := view.Plan{W: l.W, H: l.H}
	c := tl.CountsAt(t)
	l.header(&p, tl, c, t)
	p.Text(view.Text{X: pad, Y: l.lanesCaptionY, Role: view.RoleMuted, Font: view.FontCaption, S: l.caption(tl)})
	if l.heat {
		l.heatRows(&p, tl, t)
	}
	for _, tk := range tl.tasks {
		if tk.start > t || l.heat {
			break
		}
		if int(tk.lane) < l.shown {
			l.row(&p, tk, t)
		}
	}
	l.axis(&p)
	return p
}

// heatRows draws the tasks as a heat map: how many of a row's lanes run a
// task, wait out a shutdown, or hold an abandoned goroutine through each
// stretch of time, and where callers get their answers, in its colour.
func (l Layout) heatRows(p *view.Plan, tl *Timeline, t float64) {
	for row := range l.shown {
		p.Fill(view.RoleTrack, l.lane(row))
	}
	h := l.newHeat()
	for _, tk := range tl.tasks {
		if tk.start > t {
			break
		}
		lane := int(tk.lane)
		h.Span(lane, l.X(tk.start), l.X(min(tk.returned, tk.cancelled, t)), view.RoleRunning)
		h.Span(lane, l.X(tk.cancelled), l.X(min(tk.returned, tk.quit, t)), view.RoleCancelled)
		h.Span(lane, l.X(tk.quit), l.X(min(tk.returned, t)), view.RoleAbandoned)
		// An abandoned task's answer is where its abandoned span starts.
		if r := answerRole(tk.answer); tk.answered <= t && r != view.RoleAbandoned {
			h.End(lane, l.X(tk.answered), r)
		}
	}
	h.Draw(p)
}

func (l Layout) header(p *view.Plan, tl *Timeline, c Counts, t float64) {
	end := tl.End()
	var status string
	switch {
	case end == 0:
		status = "not run yet"
	case t >= end:
		status = view.Fit(l.W-2*pad, "done: every caller has its answer and every goroutine has returned", "done: every caller answered")
	case c.Leaked > 0:
		status = view.Fit(l.W-2*pad, view.Plural(c.Waiting, "caller")+" waiting; "+view.Plural(c.Leaked, "abandoned goroutine")+" still running",
			view.Plural(c.Waiting, "caller")+" waiting; "+strconv.Itoa(c.Leaked)+" abandoned running")
	default:
		status = view.Plural(c.Waiting, "caller") + " waiting"
	}
	view.Header(p, pad, pad, t, end, status, view.RoleMuted)
	first := strconv.Itoa(c.InTime) + " in time · " + strconv.Itoa(c.TimedOut) + " timed out · " + strconv.Itoa(c.Late) + " late"
	second := strconv.Itoa(c.Abandoned) + " abandoned"
	if c.Crashed > 0 {
		second += " · " + strconv.Itoa(c.Crashed) + " crashed"
	}
	s := first + " · " + second
	if l.counts2Y > 0 {
		s = first
		p.Text(view.Text{X: pad, Y: l.counts2Y, S: second, Role: view.RoleText, Font: view.FontCaption})
	}
	p.Text(view.Text{X: pad, Y: l.countsY, S: s, Role: view.RoleText, Font: view.FontCaption})
}

func (l Layout) caption(tl *Timeline) string {
	w := l.W - 2*pad
	switch {
	case l.heat:
		h := l.newHeat()
		return h.Caption(w, "tasks and their callers: "+view.Plural(tl.lanes, "lane"))
	case l.shown < tl.lanes:
		return view.Fit(w, "tasks and their callers: first "+strconv.Itoa(l.shown)+" of "+view.Plural(tl.lanes, "lane")+" shown",
			"first "+strconv.Itoa(l.shown)+" of "+view.Plural(tl.lanes, "lane"))
	case l.labelW == 0 && tl.lanes > 0:
		return view.Fit(w, "tasks and their callers, "+view.Plural(tl.lanes, "lane")+" (a lane is reused once free)",
			"tasks and callers, "+view.Plural(tl.lanes, "lane"))
	}
	return view.Fit(w, "each task and its caller: yield window, then shutdown", "task and caller: window, then shutdown")
}

// row draws one task and its caller at t.
func (l Layout) row(p *view.Plan, tk task, t float64) {
	r := l.lane(int(tk.lane))
	if l.labelW > 0 {
		p.Text(view.Text{X: pad, Y: r.Y + r.H/2, S: "#" + strconv.Itoa(int(tk.id)), Role: view.RoleText, Font: view.FontLabel})
	}
	// The yield window: known from the start, the caller waits until its deadline.
	if w, ok := l.between(r, tk.start, tk.deadline); ok {
		p.Fill(view.RoleTrack, w)
	}
	now := func(ms float64) float64 { return min(ms, t) }
	if b, ok := l.between(r, tk.start, now(min(tk.returned, tk.cancelled))); ok {
		p.Fill(view.RoleRunning, b)
	}
	if b, ok := l.between(r, tk.cancelled, now(min(tk.returned, tk.quit))); ok {
		p.Fill(view.RoleCancelled, b) // told to stop, in its grace
	}
	l.leaked(p, r, tk, t)
	if tk.deadline <= t && tk.deadline != view.Never {
		x := min(l.X(tk.deadline), l.x0+l.w-1.5)
		p.Fill(view.RoleDeadline, view.Rect{X: x - 0.75, Y: r.Y - 1, W: 1.5, H: r.H + 2})
	}
	if tk.answered <= t {
		x := min(l.X(tk.answered), l.x0+l.w-capW)
		p.Fill(answerRole(tk.answer), view.Rect{X: x, Y: r.Y, W: capW, H: r.H})
	}
}

// leaked draws an abandoned task's goroutine running on after its caller
// gave up: dashes while lanes are tall enough, a thin line otherwise, and a
// tick where it returned by itself.
func (l Layout) leaked(p *view.Plan, r view.Rect, tk task, t float64) {
	if tk.quit > t {
		return
	}
	b, ok := l.between(r, tk.quit, min(tk.returned, t))
	if ok {
		h := max(r.H/2, 1)
		y := r.Y + (r.H-h)/2
		if r.H < dashMinH {
			p.Fill(view.RoleAbandoned, view.Rect{X: b.X, Y: y, W: b.W, H: h})
		} else {
			for x := b.X + capW + 3; x < b.X+b.W; x += 7 {
				p.Fill(view.RoleAbandoned, view.Rect{X: x, Y: y, W: min(4, b.X+b.W-x), H: h})
			}
		}
	}
	if tk.returned <= t {
		x := min(l.X(tk.returned), l.x0+l.w-2)
		p.Fill(view.RoleAbandoned, view.Rect{X: x, Y: r.Y, W: 2, H: r.H})
	}
}

func answerRole(a answer) view.Role {
	switch a {
	case inTime:
		return view.RoleOK
	case crashed:
		return view.RoleCrashed
	case timedOut:
		return view.RoleTimedOut
	case late:
		return view.RoleLate
	case abandoned:
		return view.RoleAbandoned
	}
	return view.RoleRunning
}

func (l Layout) axis(p *view.Plan) {
	bottom := l.lanesY + float64(l.shown)*(l.laneH+l.laneGap) - l.laneGap
	p.Fill(view.RoleTrack, view.Rect{X: l.x0, Y: bottom + 3, W: l.w, H: 1})
	for _, f := range []float64{0, 0.5, 1} {
		align := view.AlignCenter
		switch f {
		case 0:
			align = view.AlignLeft
		case 1:
			align = view.AlignRight
		}
		p.Text(view.Text{X: l.x0 + l.w*f, Y: l.axisY, S: view.Ms(l.span*f) + " ms", Role: view.RoleMuted, Font: view.FontLabel, Align: align})
	}
}
