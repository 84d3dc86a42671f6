package consumerview

import (
	"strconv"

	"github.com/concurrency-patterns/playground/internal/view"
)

func (v *Visual) Plan(t, width float64) view.Plan {
	p := view.Plan{W: width, H: v.Height(width)}
	c := v.x.at(t)
	inner := width - 2*pad
	status, role := "not run yet", view.RoleMuted
	if v.End() > 0 {
		status = view.Fit(inner, countsLine(c, true), countsLine(c, false),
			itoa(c.started)+" started · "+itoa(c.ok)+" ok · "+itoa(c.failed)+" failed")
		if c.gaveUp {
			status, role = view.Fit(inner, "✕ gave up · "+status, "✕ gave up: too many restarts"), view.RoleAlert
		}
	}
	view.Header(&p, pad, pad, t, v.End(), status, role)
	prod, chart, lanes := v.tops()
	v.producer(&p, t, prod, inner, c)
	v.chart(&p, t, chart, inner, c)
	v.lanes(&p, t, lanes, width)
	return p
}

func itoa(n int32) string { return strconv.Itoa(int(n)) }

// countsLine is the header's counts, which tally: every child started
// ended ok, failed for good, was restarted or was stopped.
func countsLine(c counts, long bool) string {
	s := "started " + itoa(c.started) + " · ok " + itoa(c.ok) + " · failed " + itoa(c.failed) + " · restarted " + itoa(c.restarted)
	if long || c.stopped > 0 {
		s += " · stopped " + itoa(c.stopped)
	}
	return s
}

// producer draws the caption and a bar of every job, each in the colour
// of where it stands at t: not made yet (track), made and waiting for a
// child, with a child at work, or ended as its last child did.
func (v *Visual) producer(p *view.Plan, t, y, inner float64, c counts) {
	line := "producer: made " + itoa(c.produced) + " of " + strconv.Itoa(v.jobs) + " jobs"
	p.Text(view.Text{X: pad, Y: y + 8, S: view.Fit(inner, line+" · a child for each", line), Role: view.RoleMuted, Font: view.FontCaption})
	var n [view.RoleCount]int
	last := map[int32]view.Role{} // job → the role of its latest child
	for _, ch := range v.x.children {
		if ch.start > t {
			break
		}
		r := view.RoleRunning
		if ch.end <= t {
			r = ch.outcome.Role(false)
		}
		last[ch.job] = r
	}
	for _, r := range last {
		n[r]++
	}
	n[view.RolePulled] = max(int(c.produced)-len(last), 0)
	view.Tally(p, view.Rect{X: pad, Y: y + caption, W: inner, H: barH}, v.jobs, &n)
}

// chart draws the children alive over time, column by column up to t,
// and max_demand as the line they never pass.
func (v *Visual) chart(p *view.Plan, t, y, inner float64, c counts) {
	d := strconv.Itoa(v.maxDemand)
	line := "children alive: " + itoa(c.alive) + " now · most " + itoa(c.most) + " · max_demand " + d
	p.Text(view.Text{X: pad, Y: y + 8, S: view.Fit(inner, line, itoa(c.alive)+" alive · most "+itoa(c.most)+" · cap "+d),
		Role: view.RoleMuted, Font: view.FontCaption})
	r := view.Rect{X: pad, Y: y + caption, W: inner, H: plotH}
	p.Fill(view.RoleTrack, view.Rect{X: r.X, Y: r.Y + r.H, W: r.W, H: 1})
	col := func(i int, n int32) view.Rect {
		w := r.W / buckets
		h := r.H * float64(n) / v.top
		return view.Rect{X: r.X + float64(i)*w, Y: r.Y + r.H - h, W: w + 0.5*min(1, float64(buckets-1-i)), H: h}
	}
	shown := 0
	if end := v.End(); end > 0 {
		shown = min(int(t/end*buckets+1e-9), buckets)
	}
	for i := range shown {
		if n := v.x.alive[i]; n > 0 {
			p.Fill(view.RoleRunning, col(i, n))
		}
	}
	if shown < buckets && c.alive > 0 {
		p.Fill(view.RoleRunning, col(shown, c.alive))
	}
	capY := r.Y + r.H - r.H*float64(v.maxDemand)/v.top
	p.Line(view.RoleAlert, []float64{r.X, capY, r.X + r.W, capY})
	p.Text(view.Text{X: r.X + r.W - 2, Y: capY - 7, S: "max_demand " + d, Role: view.RoleAlert, Font: view.FontLabel, Align: view.AlignRight})
	p.Text(view.Text{X: r.X, Y: r.Y + r.H + 8, S: "0 ms", Role: view.RoleMuted, Font: view.FontLabel})
	p.Text(view.Text{X: r.X + r.W, Y: r.Y + r.H + 8, S: view.Ms(v.End()) + " ms", Role: view.RoleMuted, Font: view.FontLabel, Align: view.AlignRight})
}

// lanes draws a track for each place max_demand allows, and on it every
// child that ran there up to t, from its start to its end or to t: at
// work, then in the colour of how it ended; a restarted child opens with
// a tick, and a give-up is a bar across them all.
func (v *Visual) lanes(p *view.Plan, t, y, width float64) {
	inner := width - 2*pad
	p.Text(view.Text{X: pad, Y: y + 8, Role: view.RoleMuted, Font: view.FontCaption,
		S: view.Fit(inner, "children over time: one per job, a lane for each of the "+view.Plural(v.maxDemand, "place")+" demand allows",
			"children: one per job, "+view.Plural(v.maxDemand, "lane"), view.Plural(v.maxDemand, "lane"))})
	for l := range v.maxDemand {
		p.Fill(view.RoleTrack, v.laneRect(l, width))
	}
	for _, ch := range v.x.children {
		if ch.start > t {
			break
		}
		r := v.laneRect(int(ch.lane), width)
		x0, x1 := v.xOf(r, ch.start), v.xOf(r, min(ch.end, t))
		role := view.RoleRunning
		if ch.end <= t {
			role = ch.outcome.Role(false)
		}
		if ch.end <= t {
			x1-- // a gap between one child and the next in its lane
		}
		w := min(max(x1-x0, 1.5), r.X+r.W-x0)
		p.Fill(role, view.Rect{X: x0, Y: r.Y, W: w, H: r.H})
		if ch.attempt > 0 {
			p.Fill(view.RoleRestart, view.Rect{X: x0, Y: r.Y, W: min(2, r.X+r.W-x0), H: r.H})
		}
	}
	if t >= v.x.gaveUpAt { // the supervisor gave up: a bar across every lane
		first, last := v.laneRect(0, width), v.laneRect(v.maxDemand-1, width)
		x := min(v.xOf(first, v.x.gaveUpAt), first.X+first.W-2)
		p.Fill(view.RoleAlert, view.Rect{X: x, Y: first.Y - 2, W: 2, H: last.Y + last.H - first.Y + 2})
	}
}
