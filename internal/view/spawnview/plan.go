package spawnview

import (
	"strconv"
	"strings"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/view"
)

func (v *Visual) Plan(t, width float64) view.Plan {
	p := view.Plan{W: width, H: v.Height(width)}
	live, waiting, arrived := v.x.now(t)
	mode, brief := "unbounded: a goroutine per request", "unbounded"
	if v.bounded {
		mode, brief = "bounded: at most "+view.Plural(v.max, "handler"), "bounded to "+strconv.Itoa(v.max)
	}
	status, role := "not run yet", view.RoleMuted
	if v.End() > 0 {
		n := strconv.Itoa(int(arrived))
		served, shed := v.x.fates(t)
		tail := " · " + n + " requests, " + strconv.Itoa(int(served)) + " answered"
		if shed > 0 {
			tail += ", " + strconv.Itoa(int(shed)) + " shed"
		}
		status = view.Fit(width-2*pad, mode+tail, brief+tail, brief+" · "+n+" requests")
	}
	if t >= v.x.crashAt {
		status, role = view.Fit(width-2*pad, "✕ "+v.x.crashWords(), "✕ out of memory at "+view.Ms(v.x.crashAt)+" ms"), view.RoleCrashed
	}
	view.Header(&p, pad, pad, t, v.End(), status, role)
	y := pad + view.HeaderH + chartGap
	plot := view.Rect{X: pad + axisW, Y: y + titleH, W: width - 2*pad - axisW, H: plotH}
	v.goroutines(&p, t, plot, live)
	plot.Y += titleH + plotH + axisH + chartGap
	v.memory(&p, t, plot, live, waiting)
	v.crash(&p, t, pad+view.HeaderH+chartGap+titleH, plot)
	v.cells(&p, t, plot.Y+plotH+axisH+chartGap, width, live, waiting)
	return p
}

// crash draws, once the process has died, a line through both charts at
// that moment: nothing after it happened.
func (v *Visual) crash(p *view.Plan, t, top float64, memory view.Rect) {
	if t < v.x.crashAt || v.End() <= 0 {
		return
	}
	x := memory.X + memory.W*min(v.x.crashAt/v.axisEnd(), 1)
	p.Fill(view.RoleCrashed, view.Rect{X: max(x-1.5, memory.X), Y: top, W: 3, H: memory.Y + memory.H - top})
}

// shown is how many columns of the charts have passed at t, and the
// share of the next one.
func (v *Visual) shown(t float64) int {
	end := v.End()
	if end <= 0 {
		return 0
	}
	return min(int(t/end*buckets+1e-9), buckets)
}

func (v *Visual) frame(p *view.Plan, r view.Rect, title, readout, top string) {
	p.Text(view.Text{X: pad, Y: r.Y - titleH + 7, S: title, Role: view.RoleText, Font: view.FontCaption})
	p.Text(view.Text{X: pad, Y: r.Y - titleH + 22, S: view.FitFont(view.FontLabel, r.X+r.W-pad, shorter(readout)...), Role: view.RoleMuted, Font: view.FontLabel})
	p.Fill(view.RoleTrack, view.Rect{X: r.X, Y: r.Y + r.H, W: r.W, H: 1})
	p.Fill(view.RoleTrack, view.Rect{X: r.X - 1, Y: r.Y, W: 1, H: r.H})
	p.Text(view.Text{X: r.X - 5, Y: r.Y + 4, S: top, Role: view.RoleMuted, Font: view.FontLabel, Align: view.AlignRight})
	p.Text(view.Text{X: r.X - 5, Y: r.Y + r.H - 3, S: "0", Role: view.RoleMuted, Font: view.FontLabel, Align: view.AlignRight})
	p.Text(view.Text{X: r.X, Y: r.Y + r.H + 9, S: "0 ms", Role: view.RoleMuted, Font: view.FontLabel})
	p.Text(view.Text{X: r.X + r.W, Y: r.Y + r.H + 9, S: view.Ms(v.axisEnd()) + " ms", Role: view.RoleMuted, Font: view.FontLabel, Align: view.AlignRight})
}

// shorter is a readout, then the same with its last " · " parts dropped one
// by one, for a canvas too narrow to hold them all.
func shorter(readout string) []string {
	forms := []string{readout}
	for i := strings.LastIndex(readout, " · "); i > 0; i = strings.LastIndex(readout, " · ") {
		readout = readout[:i]
		forms = append(forms, readout)
	}
	return forms
}

// column is the rectangle of column i of a plot, value val of top tall,
// stacked on base.
func column(r view.Rect, i int, base, val, top float64) view.Rect {
	w := r.W / buckets
	h := r.H * min(val, top-base) / top
	return view.Rect{X: r.X + float64(i)*w, Y: r.Y + r.H - r.H*base/top - h, W: w + 0.5*min(1, float64(buckets-1-i)), H: max(h, 0)}
}

func (v *Visual) goroutines(p *view.Plan, t float64, r view.Rect, live int32) {
	peak, _ := v.x.peaks(t)
	v.frame(p, r, "live handler goroutines", readout(live, int(peak), v.capacity), short(v.topG))
	full, r := r, v.ownPart(r)
	n := v.shown(t)
	for i := range n {
		if c := column(r, i, 0, float64(v.x.bLive[i]), v.topG); c.H > 0 {
			p.Fill(view.RoleRunning, c)
		}
	}
	if n < buckets && live > 0 {
		p.Fill(view.RoleRunning, column(r, n, 0, float64(live), v.topG))
	}
	// The bound; unbounded, the same line is only a reference: as many
	// handlers as the database serves at full speed, and no limit.
	r = full
	ref, role, label := v.max, view.RoleAlert, "max "+strconv.Itoa(v.max)
	if !v.bounded {
		ref, role = v.capacity, view.RoleMuted
		label = view.Fit(r.W/2, strconv.Itoa(ref)+" at the database's full speed", strconv.Itoa(ref)+" at full speed")
	}
	y := r.Y + r.H - r.H*float64(ref)/v.topG
	p.Line(role, []float64{r.X, y, r.X + r.W, y})
	p.Text(view.Text{X: r.X + r.W - 2, Y: y - 7, S: label, Role: role, Font: view.FontLabel, Align: view.AlignRight})
}

func (v *Visual) memory(p *view.Plan, t float64, r view.Rect, live, waiting int32) {
	hk, rk := strconv.Itoa(scenario.SpawnHandlerKB), strconv.Itoa(scenario.SpawnRequestKB)
	_, peakMem := v.x.peaks(t)
	v.frame(p, r, view.Fit(r.X+r.W-pad, "memory: handler "+hk+" KiB, waiting request "+rk+" KiB",
		"memory: "+hk+" KiB/handler, "+rk+" KiB/request"),
		kb(memKB(live, waiting))+" now · peak "+kb(peakMem)+" · budget "+kb(int32(v.budget)), short(v.topM))
	full, r := r, v.ownPart(r)
	n := v.shown(t)
	for i := range n {
		g := float64(scenario.SpawnHandlerKB * v.x.bLive[i])
		if c := column(r, i, 0, g, v.topM); c.H > 0 {
			p.Fill(view.RoleRunning, c)
		}
		if c := column(r, i, g, float64(v.x.bMem[i])-g, v.topM); c.H > 0 {
			p.Fill(view.RoleWaiting, c)
		}
	}
	if n < buckets {
		g := float64(scenario.SpawnHandlerKB * live)
		if c := column(r, n, 0, g, v.topM); c.H > 0 {
			p.Fill(view.RoleRunning, c)
		}
		if c := column(r, n, g, float64(scenario.SpawnRequestKB*waiting), v.topM); c.H > 0 {
			p.Fill(view.RoleWaiting, c)
		}
	}
	// The budget, where the chart reaches it: past the line the process dies.
	r = full
	if b := float64(v.budget); b <= v.topM {
		y := r.Y + r.H - r.H*b/v.topM
		p.Line(view.RoleCrashed, []float64{r.X, y, r.X + r.W, y})
		p.Text(view.Text{X: r.X + r.W - 2, Y: y - 7, S: "budget " + kb(int32(v.budget)), Role: view.RoleCrashed, Font: view.FontLabel, Align: view.AlignRight})
	}
}

// cells draws one cell per live goroutine, then one per waiting request,
// as far as they fit; once the process has died, the requests it held.
func (v *Visual) cells(p *view.Plan, t, y, width float64, live, waiting int32) {
	g := view.Grid{X: pad, Y: y + 18, Cols: max(int((width-2*pad+1)/(cell+1)), 1), Rows: cellRows, Cell: cell, Gap: 1}
	c := "now: " + view.Plural(int(live), "goroutine") + " handling, " + view.Plural(int(waiting), "request") + " waiting as data"
	brief := "now: " + strconv.Itoa(int(live)) + " handling, " + strconv.Itoa(int(waiting)) + " waiting"
	if int(live+waiting) > g.Capacity() {
		first := " (first " + strconv.Itoa(g.Capacity()) + " shown)"
		c, brief = c+first, brief+first
	}
	tiny := "now: " + strconv.Itoa(int(live)) + " handling, " + strconv.Itoa(int(waiting)) + " waiting"
	dead := t >= v.x.crashAt
	if dead {
		lost := view.Plural(int(live+waiting), "request")
		served, _ := v.x.fates(t)
		c, brief, tiny = "the process died: "+lost+" lost with it, "+strconv.Itoa(int(served))+" answered before",
			"died: "+lost+" lost, "+strconv.Itoa(int(served))+" answered", "died: "+lost+" lost"
	}
	c = view.Fit(width-2*pad, c, brief, tiny)
	p.Text(view.Text{X: pad, Y: y + 8, S: c, Role: view.RoleMuted, Font: view.FontCaption})
	runs := view.CellRuns{P: p, G: g}
	for i := range min(int(live+waiting), g.Capacity()) {
		role := view.RoleRunning
		switch {
		case dead:
			role = view.RoleCrashed
		case i >= int(live):
			role = view.RoleWaiting
		}
		runs.Add(i, role)
	}
	runs.Flush()
}

// short writes a chart's top: 2000 as "2k".
func short(v float64) string {
	switch {
	case v >= 1e6:
		return strconv.FormatFloat(v/1e6, 'f', -1, 64) + "M"
	case v >= 1e4:
		return strconv.FormatFloat(v/1e3, 'f', -1, 64) + "k"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
