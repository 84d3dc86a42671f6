package chart

import "github.com/concurrency-patterns/playground/internal/view"

// Point is one run of a sweep: the swept parameter's value and what the
// run measured.
type Point struct {
	Value      string  // the parameter's value, as the form writes it
	Throughput float64 // units ended per virtual second
	P99        float64 // 99th percentile latency (arrival to end), ms
	Figure     float64 // the sweep's summary figure, when it has one
}

// PointOf measures a run of a sweep; figure is the run's value of the
// sweep's summary figure (0 when it has none).
func PointOf(value string, d *Data, figure float64) Point {
	return Point{Value: value, Throughput: d.Throughput(), P99: Percentile(d.Latencies, 99), Figure: figure}
}

// SweepHeight is how tall [SweepPlan] draws at width, with or without a
// summary figure.
func SweepHeight(figure string, width float64) float64 {
	_, h := panels(sweepPanels(figure), width)
	return h
}

func sweepPanels(figure string) int {
	if figure == "" {
		return 2
	}
	return 3
}

// SweepPlan plots throughput, p99 latency and, when figure names one, a
// summary figure against the swept parameter, one point per run, evenly
// spaced in the order run.
func SweepPlan(param, figure string, pts []Point, width float64) view.Plan {
	ps, h := panels(sweepPanels(figure), width)
	p := view.Plan{W: width, H: h}
	tp := make([]float64, len(pts))
	lat := make([]float64, len(pts))
	fig := make([]float64, len(pts))
	for i, pt := range pts {
		tp[i], lat[i], fig[i] = pt.Throughput, pt.P99, pt.Figure
	}
	sweepPanel(&p, ps[0], "throughput against "+param, "units per virtual second", pts, tp, view.RoleRunning)
	sweepPanel(&p, ps[1], "p99 latency against "+param, "ms from arrival to result", pts, lat, view.RoleCrashed)
	if figure != "" {
		sweepPanel(&p, ps[2], figure+" against "+param, "from each run's summary", pts, fig, view.RoleTimedOut)
	}
	return p
}

func sweepPanel(p *view.Plan, at panel, title, unit string, pts []Point, v []float64, role view.Role) {
	p.Text(view.Text{X: at.x, Y: at.y + 7, S: title, Role: view.RoleText, Font: view.FontCaption})
	p.Text(view.Text{X: at.x, Y: at.y + 22, S: unit, Role: view.RoleMuted, Font: view.FontLabel})
	r := at.plot()
	p.Fill(view.RoleTrack, view.Rect{X: r.X, Y: r.Y + r.H, W: r.W, H: 1})
	p.Fill(view.RoleTrack, view.Rect{X: r.X, Y: r.Y, W: 1, H: r.H})
	top := 0.0
	for _, x := range v {
		top = max(top, x)
	}
	top = niceTop(top)
	p.Text(view.Text{X: r.X - 4, Y: r.Y + 4, S: short(top), Role: view.RoleMuted, Font: view.FontLabel, Align: view.AlignRight})
	p.Text(view.Text{X: r.X - 4, Y: r.Y + r.H - 2, S: "0", Role: view.RoleMuted, Font: view.FontLabel, Align: view.AlignRight})
	if len(pts) == 0 {
		return
	}
	x := func(i int) float64 {
		if len(pts) == 1 {
			return r.X + r.W/2
		}
		return r.X + 4 + (r.W-8)*float64(i)/float64(len(pts)-1)
	}
	line := make([]float64, 0, 2*len(v))
	for i, val := range v {
		px, py := x(i), r.Y+r.H-r.H*val/top
		line = append(line, px, py)
		p.Fill(role, view.Rect{X: px - 2, Y: py - 2, W: 4, H: 4})
	}
	p.Line(role, line)
	// Label the first, the middle and the last value on the axis.
	for _, i := range []int{0, len(pts) / 2, len(pts) - 1} {
		align := view.AlignCenter
		switch i {
		case 0:
			align = view.AlignLeft
		case len(pts) - 1:
			align = view.AlignRight
		}
		p.Text(view.Text{X: x(i), Y: r.Y + r.H + 8, S: pts[i].Value, Role: view.RoleMuted, Font: view.FontLabel, Align: align})
	}
}
