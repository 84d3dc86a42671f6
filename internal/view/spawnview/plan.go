package spawnview

import (
	"strconv"

	"github.com/concurrency-patterns/playground/internal/view"
)

func (v *Visual) Plan(t, width float64) view.Plan {
	p := view.Plan{W: width, H: v.Height(width)}
	live, waiting, arrived := v.x.now(t)
	mode := "unbounded: a goroutine per request"
	if v.bounded {
		mode = "bounded: at most " + strconv.Itoa(v.max) + " handlers"
	}
	status := "not run yet"
	if v.End() > 0 {
		status = mode + " · " + strconv.Itoa(int(arrived)) + " requests so far"
	}
	view.Header(&p, pad, pad, t, v.End(), status, view.RoleMuted)
	y := pad + view.HeaderH + chartGap
	plot := view.Rect{X: pad + axisW, Y: y + titleH, W: width - 2*pad - axisW, H: plotH}
	v.goroutines(&p, t, plot, live)
	plot.Y += titleH + plotH + axisH + chartGap
	v.memory(&p, t, plot, live, waiting)
	v.cells(&p, plot.Y+plotH+axisH+chartGap, width, live, waiting)
	return p
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
	p.Text(view.Text{X: pad, Y: r.Y - titleH + 22, S: readout, Role: view.RoleMuted, Font: view.FontLabel})
	p.Fill(view.RoleTrack, view.Rect{X: r.X, Y: r.Y + r.H, W: r.W, H: 1})
	p.Fill(view.RoleTrack, view.Rect{X: r.X - 1, Y: r.Y, W: 1, H: r.H})
	p.Text(view.Text{X: r.X - 5, Y: r.Y + 4, S: top, Role: view.RoleMuted, Font: view.FontLabel, Align: view.AlignRight})
	p.Text(view.Text{X: r.X - 5, Y: r.Y + r.H - 3, S: "0", Role: view.RoleMuted, Font: view.FontLabel, Align: view.AlignRight})
	p.Text(view.Text{X: r.X, Y: r.Y + r.H + 9, S: "0 ms", Role: view.RoleMuted, Font: view.FontLabel})
	p.Text(view.Text{X: r.X + r.W, Y: r.Y + r.H + 9, S: view.Ms(v.End()) + " ms", Role: view.RoleMuted, Font: view.FontLabel, Align: view.AlignRight})
}

// column is the rectangle of column i of a plot, value val of top tall,
// stacked on base.
func column(r view.Rect, i int, base, val, top float64) view.Rect {
	w := r.W / buckets
	h := r.H * min(val, top-base) / top
	return view.Rect{X: r.X + float64(i)*w, Y: r.Y + r.H - r.H*base/top - h, W: w + 0.5*min(1, float64(buckets-1-i)), H: max(h, 0)}
}

func (v *Visual) goroutines(p *view.Plan, t float64, r view.Rect, live int32) {
	v.frame(p, r, "live handler goroutines", strconv.Itoa(int(live))+" now · peak "+strconv.Itoa(v.x.peakLive), short(v.topG))
	n := v.shown(t)
	for i := range n {
		if c := column(r, i, 0, float64(v.x.bLive[i]), v.topG); c.H > 0 {
			p.Fill(view.RoleRunning, c)
		}
	}
	if n < buckets && live > 0 {
		p.Fill(view.RoleRunning, column(r, n, 0, float64(live), v.topG))
	}
	// The bound, as a reference in both modes.
	y := r.Y + r.H - r.H*float64(v.max)/v.topG
	p.Line(view.RoleAlert, []float64{r.X, y, r.X + r.W, y})
	p.Text(view.Text{X: r.X + r.W - 2, Y: y - 7, S: "max " + strconv.Itoa(v.max), Role: view.RoleAlert, Font: view.FontLabel, Align: view.AlignRight})
}

func (v *Visual) memory(p *view.Plan, t float64, r view.Rect, live, waiting int32) {
	v.frame(p, r, "estimated memory: 8 KiB a goroutine, 1 KiB a waiting request",
		kb(memKB(live, waiting))+" now · peak "+kb(int32(v.x.peakMem)), short(v.topM))
	n := v.shown(t)
	for i := range n {
		g := float64(goroutineKB * v.x.bLive[i])
		if c := column(r, i, 0, g, v.topM); c.H > 0 {
			p.Fill(view.RoleRunning, c)
		}
		if c := column(r, i, g, float64(v.x.bMem[i])-g, v.topM); c.H > 0 {
			p.Fill(view.RoleWaiting, c)
		}
	}
	if n < buckets {
		g := float64(goroutineKB * live)
		if c := column(r, n, 0, g, v.topM); c.H > 0 {
			p.Fill(view.RoleRunning, c)
		}
		if c := column(r, n, g, float64(requestKB*waiting), v.topM); c.H > 0 {
			p.Fill(view.RoleWaiting, c)
		}
	}
}

// cells draws one cell per live goroutine, then one per waiting request,
// as far as they fit.
func (v *Visual) cells(p *view.Plan, y, width float64, live, waiting int32) {
	g := view.Grid{X: pad, Y: y + 18, Cols: max(int((width-2*pad+1)/(cell+1)), 1), Rows: cellRows, Cell: cell, Gap: 1}
	c := "now: " + view.Plural(int(live), "goroutine") + " handling, " + view.Plural(int(waiting), "request") + " waiting as data"
	if int(live+waiting) > g.Capacity() {
		c += " (first " + strconv.Itoa(g.Capacity()) + " shown)"
	}
	p.Text(view.Text{X: pad, Y: y + 8, S: c, Role: view.RoleMuted, Font: view.FontCaption})
	runs := view.CellRuns{P: p, G: g}
	for i := range min(int(live+waiting), g.Capacity()) {
		role := view.RoleRunning
		if i >= int(live) {
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
