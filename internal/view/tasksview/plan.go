package tasksview

import (
	"strconv"
	"strings"

	"github.com/concurrency-patterns/playground/internal/view"
)

// Config is what the view needs of a run's parameters.
type Config struct {
	Bare        bool
	MaxChildren int // 0 for no limit
}

// Plan draws tl at time t.
func (l Layout) Plan(tl *Timeline, cfg Config, t float64) view.Plan {
	p := view.Plan{W: l.W, H: l.H}
	c := tl.CountsAt(t)
	dead := tl.died <= t
	l.header(&p, tl, cfg, c, t, dead)
	l.strip1(&p, tl, cfg, c, t, dead)
	l.spans(&p, tl, t, dead)
	l.axis(&p)
	return p
}

func (l Layout) header(p *view.Plan, tl *Timeline, cfg Config, c Counts, t float64, dead bool) {
	end := tl.End()
	status, role := "", view.RoleMuted
	switch {
	case dead:
		status, role = view.Fit(l.w, "the program died: task "+strconv.Itoa(tl.diedID)+" panicked in a bare goroutine",
			"the program died: task "+strconv.Itoa(tl.diedID)+" panicked"), view.RoleAlert
	case end == 0:
		status = "not run yet"
	case t >= end:
		status = "done: every task ended"
		if c.Crashed > 0 {
			status = view.Fit(l.w, status+"; the "+plural(c.Crashed, "crash was", "crashes were")+" contained", status)
		}
	default:
		status = "running: " + view.Plural(c.Running, "task")
	}
	view.Header(p, pad, pad, t, end, status, role)
	s := strconv.Itoa(c.Running) + " running · " + strconv.Itoa(c.OK) + " ok · " + strconv.Itoa(c.Crashed) + " crashed"
	if c.Failed > 0 {
		s += " · " + strconv.Itoa(c.Failed) + " errors"
	}
	if !cfg.Bare {
		s += " · " + strconv.Itoa(c.Refused) + " refused"
	}
	if cfg.Bare || c.Lost > 0 { // lost with the program, or when the supervisor gave up
		s += " · " + strconv.Itoa(c.Lost) + " lost"
	}
	p.Text(view.Text{X: pad, Y: l.countsY, S: view.Fit(l.w, s, strings.ReplaceAll(s, " · ", ", ")), Role: view.RoleText, Font: view.FontCaption})
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// strip1 is the line under the counts: refused starts under a supervisor,
// the program's life when bare.
func (l Layout) strip1(p *view.Plan, tl *Timeline, cfg Config, c Counts, t float64, dead bool) {
	if cfg.Bare {
		l.deathStrip(p, tl, c, dead)
		return
	}
	s := "refused starts: " + strconv.Itoa(c.Refused)
	if cfg.MaxChildren > 0 {
		n := strconv.Itoa(cfg.MaxChildren)
		s = view.Fit(l.w, s+" (max_children "+n+": a start beyond it is refused, not queued)", s+" (max_children "+n+")")
	} else {
		s = view.Fit(l.w, s+" (no max_children set)", s)
	}
	p.Text(view.Text{X: pad, Y: l.stripCaptionY, S: s, Role: view.RoleMuted, Font: view.FontCaption})
	p.Fill(view.RoleTrack, view.Rect{X: l.strip.X, Y: l.strip.Y + l.strip.H/2 - 0.5, W: l.strip.W, H: 1})
	last := -1.0
	for _, at := range tl.refused {
		if at > t {
			break
		}
		x := l.X(at) - 1
		if x < last+1 { // refusals closer than a pixel make one tick
			continue
		}
		last = x
		p.Fill(view.RoleAlert, view.Rect{X: min(x, l.x0+l.w-2), Y: l.strip.Y, W: 2, H: l.strip.H})
	}
}

// deathStrip is the program's life as one band: thin while it lives, and
// from the moment a bare goroutine panics, a full-width alert.
func (l Layout) deathStrip(p *view.Plan, tl *Timeline, c Counts, dead bool) {
	if !dead {
		p.Text(view.Text{X: pad, Y: l.stripCaptionY, Role: view.RoleMuted, Font: view.FontCaption,
			S: view.Fit(l.w, "the program: alive (one unrecovered panic in any goroutine ends it)", "the program: alive")})
		p.Fill(view.RoleTrack, view.Rect{X: l.strip.X, Y: l.strip.Y + l.strip.H/2 - 0.5, W: l.strip.W, H: 1})
		return
	}
	p.Text(view.Text{X: pad, Y: l.stripCaptionY, Role: view.RoleAlert, Font: view.FontCaption,
		S: view.Fit(l.w, "✕ the program died at "+view.Ms(tl.died)+" ms: "+view.Plural(c.Lost, "task")+" lost with it, nothing starts after",
			"✕ died at "+view.Ms(tl.died)+" ms: "+view.Plural(c.Lost, "task")+" lost")})
	p.Fill(view.RoleAlert, l.strip)
	// The moment itself, through every lane, just after the spans it
	// ended; the caption over the lanes stays clear.
	x := min(l.X(tl.died)+1, l.x0+l.w-2)
	p.Fill(view.RoleAlert, view.Rect{X: x, Y: l.lanesY - 2, W: 2, H: l.lanesBottom() - l.lanesY + 6})
}

func (l Layout) spans(p *view.Plan, tl *Timeline, t float64, dead bool) {
	p.Text(view.Text{X: pad, Y: l.lanesCaptionY, Role: view.RoleMuted, Font: view.FontCaption, S: l.lanesCaption(tl)})
	trackW := l.w
	if dead {
		trackW = l.X(tl.died) + 1 - l.x0 // after the death, no lane goes on
	}
	for i := range l.shown {
		r := l.lane(i)
		r.W = max(trackW, 0)
		p.Fill(view.RoleTrack, r)
	}
	if dead && l.x0+l.w-l.X(tl.died) > 190 {
		p.Text(view.Text{X: (l.X(tl.died) + l.x0 + l.w) / 2, Y: l.lanesY + min(float64(l.shown)*(l.laneH+l.laneGap), 60)/2,
			S: "nothing runs here", Role: view.RoleAlert, Font: view.FontCaption, Align: view.AlignCenter})
	}
	if l.heat {
		l.heatSpans(p, tl, t)
		return
	}
	for _, s := range tl.spans {
		if s.start > t {
			break
		}
		if int(s.lane) >= l.shown {
			continue
		}
		r := l.lane(int(s.lane))
		x0, x1 := l.X(s.start), l.X(min(t, s.end))
		r.X, r.W = x0, max(x1-x0, 1)
		if s.end > t {
			p.Fill(view.RoleRunning, r)
			continue
		}
		if s.fate == lost {
			p.Fill(view.RoleCancelled, r) // its work went with the program
			continue
		}
		w := capW
		if s.fate == crashed {
			w = crashW
		}
		w = min(w, r.W)
		if r.W > w {
			p.Fill(view.RoleRunning, view.Rect{X: r.X, Y: r.Y, W: r.W - w, H: r.H})
		}
		p.Fill(fateRole(s.fate), view.Rect{X: r.X + r.W - w, Y: r.Y, W: w, H: r.H})
	}
}

// heatSpans draws the spans as a heat map: how many of a row's lanes run
// a task through each stretch of time, and where tasks end, in their
// fate's colour.
func (l Layout) heatSpans(p *view.Plan, tl *Timeline, t float64) {
	h := l.newHeat()
	for _, s := range tl.spans {
		if s.start > t {
			break
		}
		x0, x1 := l.X(s.start), l.X(min(t, s.end))
		if s.fate == lost && s.end <= t {
			h.Span(int(s.lane), x0, x1, view.RoleCancelled)
			continue
		}
		h.Span(int(s.lane), x0, x1, view.RoleRunning)
		if s.end <= t {
			h.End(int(s.lane), x1, fateRole(s.fate))
		}
	}
	h.Draw(p)
}

func (l Layout) lanesCaption(tl *Timeline) string {
	if l.heat {
		h := l.newHeat()
		return h.Caption(l.w, "tasks over time: "+view.Plural(tl.lanes, "lane"))
	}
	if l.shown < tl.lanes {
		return view.Fit(l.w, "tasks over time: first "+strconv.Itoa(l.shown)+" of "+view.Plural(tl.lanes, "lane")+" shown",
			"first "+strconv.Itoa(l.shown)+" of "+view.Plural(tl.lanes, "lane"))
	}
	s := "tasks over time, " + view.Plural(tl.lanes, "lane")
	return view.Fit(l.w, s+" (a lane is reused once its task ends)", s)
}

func fateRole(f fate) view.Role {
	switch f {
	case ok:
		return view.RoleOK
	case failed:
		return view.RoleFailed
	case crashed:
		return view.RoleCrashed
	case lost:
		return view.RoleCancelled
	}
	return view.RoleRunning
}

// axis labels the time axis at its ends and middle.
func (l Layout) axis(p *view.Plan) {
	p.Fill(view.RoleTrack, view.Rect{X: l.x0, Y: l.axisY - 10, W: l.w, H: 1})
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
