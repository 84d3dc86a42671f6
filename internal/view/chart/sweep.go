package chart

import (
	"strconv"

	"github.com/concurrency-patterns/playground/internal/view"
)

// Point is one run of a sweep: the swept parameter's value and what the
// run measured.
type Point struct {
	Value string             // the parameter's value, as the form writes it
	Of    map[string]float64 // the run's summary, throughput and p99 latency
}

// PointOf measures a run of a sweep: its summary sum, with the
// throughput and the p99 latency of d under [view.PlotThroughput] and
// [view.PlotP99].
func PointOf(value string, d *Data, sum map[string]float64) Point {
	of := make(map[string]float64, len(sum)+2)
	for k, v := range sum {
		of[k] = v
	}
	of[view.PlotThroughput] = d.Throughput()
	of[view.PlotP99] = Percentile(d.Latencies, 99)
	return Point{Value: value, Of: of}
}

// A sweep panel, from its top: the title, the unit, the "now" label, the
// plot, the values and the axis's name.
const (
	sweepPanelH = 152.0
	sweepTop    = 46.0 // from the panel's top to the plot's
	sweepBottom = 30.0 // under the plot: the values and the axis's name
	sweepInset  = 6.0  // keeps the end points off the plot's edges
)

// SweepHeight is how tall [SweepPlan] draws s at width.
func SweepHeight(s view.Sweep, width float64) float64 {
	_, h := panelsOf(len(s.Plots), width, sweepPanelH)
	return h
}

// sweepLayout is where a sweep's panels and points go.
type sweepLayout struct {
	panels []panel
	axis   Axis
}

func layoutSweep(s view.Sweep, pts []Point, width float64) (sweepLayout, float64) {
	ps, h := panelsOf(len(s.Plots), width, sweepPanelH)
	return sweepLayout{panels: ps, axis: NewAxis(values(pts))}, h
}

func sweepPlot(at panel) view.Rect {
	return view.Rect{X: at.x + 34, Y: at.y + sweepTop, W: at.w - 34, H: at.h - sweepTop - sweepBottom}
}

// x is where value v goes in plot r.
func (l sweepLayout) x(r view.Rect, v float64) float64 {
	return r.X + sweepInset + (r.W-2*sweepInset)*l.axis.Frac(v)
}

// SweepPlan plots each of s.Plots against the swept parameter, one point
// per run, placed by value on the axis [NewAxis] chooses, with a line
// marking now, the parameter's value in the form ("" for none).
func SweepPlan(s view.Sweep, pts []Point, now string, width float64) view.Plan {
	l, h := layoutSweep(s, pts, width)
	p := view.Plan{W: width, H: h}
	for i, pl := range s.Plots {
		l.panel(&p, l.panels[i], s.Param, pl, pts, now, pl.RoleOf())
	}
	return p
}

func (l sweepLayout) panel(p *view.Plan, at panel, param string, pl view.Plot, pts []Point, now string, role view.Role) {
	p.Text(view.Text{X: at.x, Y: at.y + 7, S: view.Fit(at.w, pl.Title), Role: view.RoleText, Font: view.FontCaption})
	p.Text(view.Text{X: at.x, Y: at.y + 22, S: view.FitFont(view.FontLabel, at.w, pl.Unit), Role: view.RoleMuted, Font: view.FontLabel})
	r := sweepPlot(at)
	p.Fill(view.RoleTrack, view.Rect{X: r.X, Y: r.Y + r.H, W: r.W, H: 1})
	p.Fill(view.RoleTrack, view.Rect{X: r.X, Y: r.Y, W: 1, H: r.H})
	scale := pl.Scale
	if scale == 0 {
		scale = 1
	}
	v := make([]float64, len(pts))
	top := 0.0
	for i, pt := range pts {
		v[i] = pt.Of[pl.Key] * scale
		top = max(top, v[i])
	}
	top = niceTop(top)
	p.Text(view.Text{X: r.X - 4, Y: r.Y + 4, S: short(top), Role: view.RoleMuted, Font: view.FontLabel, Align: view.AlignRight})
	p.Text(view.Text{X: r.X - 4, Y: r.Y + r.H - 2, S: "0", Role: view.RoleMuted, Font: view.FontLabel, Align: view.AlignRight})
	name := param
	switch {
	case l.axis.Log && l.axis.Zero:
		name = view.FitFont(view.FontLabel, r.W, param+" · log scale, 0 set apart", param+" · log scale")
	case l.axis.Log:
		name = param + " · log scale"
	}
	p.Text(view.Text{X: r.X, Y: r.Y + r.H + 22, S: name, Role: view.RoleMuted, Font: view.FontLabel})
	if len(pts) == 0 {
		return
	}
	nums := numbers(values(pts))
	xs := make([]float64, len(pts))
	line := make([]float64, 0, 2*len(v))
	for i, val := range v {
		xs[i] = l.x(r, nums[i])
		py := r.Y + r.H - r.H*val/top
		line = append(line, xs[i], py)
		p.Fill(role, view.Rect{X: xs[i] - 2, Y: py - 2, W: 4, H: 4})
	}
	p.Line(role, line)
	labelW := func(s string) float64 { return view.TextWidth(s, view.FontLabel) }
	for _, i := range Ticks(values(pts), xs, labelW, 6) {
		p.Text(view.Text{X: within(xs[i], labelW(pts[i].Value), at), Y: r.Y + r.H + 8, S: pts[i].Value,
			Role: view.RoleMuted, Font: view.FontLabel, Align: view.AlignCenter})
	}
	if n, err := strconv.ParseFloat(now, 64); err == nil {
		x := l.x(r, n)
		p.Fill(view.RoleText, view.Rect{X: x - 0.5, Y: r.Y - 5, W: 1, H: r.H + 5})
		label := "now: " + now
		p.Text(view.Text{X: within(x, labelW(label), at), Y: r.Y - 10, S: label, Role: view.RoleText, Font: view.FontLabel, Align: view.AlignCenter})
	}
}

// within is the centre of a label w wide at x, moved as little as it takes
// to keep it inside the panel.
func within(x, w float64, at panel) float64 {
	return min(max(x, at.x+w/2), at.x+at.w-w/2)
}

func values(pts []Point) []string {
	out := make([]string, len(pts))
	for i, pt := range pts {
		out[i] = pt.Value
	}
	return out
}

// SweepHit is the index of the point of [SweepPlan] a click at (x, y)
// picks: the one nearest in x, in the panel clicked, within 12 pixels;
// -1 for none.
func SweepHit(s view.Sweep, pts []Point, width, x, y float64) int {
	l, _ := layoutSweep(s, pts, width)
	nums := numbers(values(pts))
	for _, at := range l.panels {
		if x < at.x || x > at.x+at.w || y < at.y || y > at.y+at.h {
			continue
		}
		r := sweepPlot(at)
		best, dist := -1, 12.0
		for i, n := range nums {
			if d := abs(l.x(r, n) - x); d <= dist {
				best, dist = i, d
			}
		}
		return best
	}
	return -1
}

func abs(v float64) float64 { return max(v, -v) }
