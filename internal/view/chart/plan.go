package chart

import (
	"strconv"

	"github.com/concurrency-patterns/playground/internal/view"
)

// Sizes of a chart panel, in CSS pixels.
const (
	panelH   = 124.0 // a panel: title, plot, axis
	titleH   = 34.0  // the title and the readout under it
	axisH    = 14.0  // the time axis under the plot
	panelGap = 16.0
	sidePad  = 12.0
	wideMin  = 760.0 // from this width, the panels sit side by side
)

// panel is where one chart goes.
type panel struct{ x, y, w, h float64 }

// plot is the panel's plotting area.
func (p panel) plot() view.Rect {
	return view.Rect{X: p.x + 34, Y: p.y + titleH, W: p.w - 34, H: p.h - titleH - axisH}
}

// panels lays n panels out for width: in a row when wide, stacked when not.
func panels(n int, width float64) ([]panel, float64) { return panelsOf(n, width, panelH) }

// panelsOf is [panels] of panels h tall.
func panelsOf(n int, width, h float64) ([]panel, float64) {
	inner := width - 2*sidePad
	out := make([]panel, n)
	if width >= wideMin {
		w := (inner - float64(n-1)*panelGap) / float64(n)
		for i := range out {
			out[i] = panel{x: sidePad + float64(i)*(w+panelGap), y: sidePad, w: w, h: h}
		}
		return out, h + 2*sidePad
	}
	for i := range out {
		out[i] = panel{x: sidePad, y: sidePad + float64(i)*(h+panelGap), w: inner, h: h}
	}
	return out, float64(n)*(h+panelGap) - panelGap + 2*sidePad
}

// Height is how tall [Data.Plan] draws at width.
func Height(width float64) float64 {
	_, h := panels(3, width)
	return h
}

// Plan draws the three charts at width, with a cursor at t.
func (d *Data) Plan(t, width float64) view.Plan {
	ps, h := panels(3, width)
	p := view.Plan{W: width, H: h}
	sc := d.scale()
	lb := d.bucketAt(t, loadBuckets)
	d.panel(&p, ps[0], t, "active and queued", "active "+strconv.Itoa(d.Active[lb])+" · queued "+strconv.Itoa(d.Queued[lb]),
		sc.Tops[topLoad], []series{{view.RoleRunning, "active", ints(d.Active[:]), 0}, {view.RoleWaiting, "queued", ints(d.Queued[:]), 0}})
	k := d.sampleAt(t)
	readout := "none ended yet"
	if k >= d.PctNone {
		readout = view.FitFont(view.FontLabel, ps[1].w,
			"p50 "+ms(d.P50[k])+" · p90 "+ms(d.P90[k])+" · p99 "+ms(d.P99[k]),
			"p50 "+view.Ms(d.P50[k])+" · p90 "+view.Ms(d.P90[k])+" · p99 "+view.Ms(d.P99[k])+" ms",
			"p99 "+ms(d.P99[k]))
	}
	d.panel(&p, ps[1], t, "task duration percentiles", readout,
		sc.Tops[topPct], []series{{view.RoleP50, "p50", d.P50[:], d.PctNone}, {view.RoleP90, "p90", d.P90[:], d.PctNone}, {view.RoleP99, "p99", d.P99[:], d.PctNone}})
	rb := d.bucketAt(t, rateBins)
	d.panel(&p, ps[2], t, "throughput", strconv.FormatFloat(d.Rate[rb], 'f', 1, 64)+" per virtual s",
		sc.Tops[topRate], []series{{view.RoleOK, "ended", d.Rate[:], 0}})
	return p
}

// series is one line of a chart: values at equal steps over the run, the
// first from of them not drawn (none known yet), and the line's name in
// the chart's key.
type series struct {
	role view.Role
	name string
	v    []float64
	from int
}

func ints(xs []int) []float64 {
	out := make([]float64, len(xs))
	for i, x := range xs {
		out[i] = float64(x)
	}
	return out
}

func (d *Data) panel(p *view.Plan, at panel, t float64, title, readout string, top float64, lines []series) {
	p.Text(view.Text{X: at.x, Y: at.y + 7, S: title, Role: view.RoleText, Font: view.FontCaption})
	p.Text(view.Text{X: at.x, Y: at.y + 22, S: readout, Role: view.RoleMuted, Font: view.FontLabel})
	r := at.plot()
	p.Fill(view.RoleTrack, view.Rect{X: r.X, Y: r.Y + r.H, W: r.W, H: 1})
	p.Fill(view.RoleTrack, view.Rect{X: r.X, Y: r.Y, W: 1, H: r.H})
	top = niceTop(top)
	p.Text(view.Text{X: r.X - 4, Y: r.Y + 4, S: short(top), Role: view.RoleMuted, Font: view.FontLabel, Align: view.AlignRight})
	p.Text(view.Text{X: r.X - 4, Y: r.Y + r.H - 2, S: "0", Role: view.RoleMuted, Font: view.FontLabel, Align: view.AlignRight})
	p.Text(view.Text{X: r.X, Y: r.Y + r.H + 8, S: "0", Role: view.RoleMuted, Font: view.FontLabel})
	span := d.scale().End
	p.Text(view.Text{X: r.X + r.W, Y: r.Y + r.H + 8, S: ms(span), Role: view.RoleMuted, Font: view.FontLabel, Align: view.AlignRight})
	w := r.W // the width the run's own length takes
	if span > 0 {
		w = r.W * d.End / span
	}
	for _, s := range lines {
		pts := make([]float64, 0, 2*len(s.v)+2)
		if s.from == 0 && len(s.v) > 0 { // start the line at the left edge
			pts = append(pts, r.X, r.Y+r.H-r.H*s.v[0]/top)
		}
		for i := s.from; i < len(s.v); i++ {
			x := r.X + w*float64(i+1)/float64(len(s.v))
			pts = append(pts, x, r.Y+r.H-r.H*s.v[i]/top)
		}
		p.Line(s.role, pts)
	}
	key(p, r, lines)
	if span > 0 {
		x := r.X + r.W*min(max(t/span, 0), 1)
		p.Fill(view.RoleText, view.Rect{X: min(x, r.X+r.W-1), Y: r.Y, W: 1, H: r.H})
	}
}

// key names each line's colour on the time axis, after its 0 and clear of
// the run's length at its end: a short stroke of the colour, then the name.
func key(p *view.Plan, r view.Rect, lines []series) {
	const stroke, gap = 10.0, 8.0
	x, y := r.X+16, r.Y+r.H+8
	for _, s := range lines {
		p.Fill(s.role, view.Rect{X: x, Y: y - 1, W: stroke, H: 2})
		x += stroke + 3
		p.Text(view.Text{X: x, Y: y, S: s.name, Role: view.RoleMuted, Font: view.FontLabel})
		x += view.TextWidth(s.name, view.FontLabel) + gap
	}
}

// bucketAt is the bucket of n that t falls in.
func (d *Data) bucketAt(t float64, n int) int {
	if d.End <= 0 {
		return 0
	}
	return min(max(int(t/d.End*float64(n)), 0), n-1)
}

// sampleAt is the last percentile sample at or before t, -1 before the
// first.
func (d *Data) sampleAt(t float64) int {
	if d.End <= 0 {
		return -1
	}
	return min(int(t/d.End*pctSamples+1e-9)-1, pctSamples-1)
}

// niceTop rounds a chart's top value up to 1, 2 or 5 times a power of ten,
// so the axis reads well; 1 for an empty chart.
func niceTop(v float64) float64 {
	if v <= 0 {
		return 1
	}
	step := 1.0
	for step*10 <= v {
		step *= 10
	}
	for step > v*10 {
		step /= 10
	}
	for _, m := range []float64{1, 2, 5, 10} {
		if m*step >= v {
			return m * step
		}
	}
	return 10 * step
}

func ms(v float64) string { return view.Ms(v) + " ms" }

// short writes an axis value in a few characters: 1.5k, 20, 0.5.
func short(v float64) string {
	switch {
	case v >= 10_000:
		return strconv.FormatFloat(v/1000, 'f', -1, 64) + "k"
	case v >= 1:
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return strconv.FormatFloat(v, 'g', 2, 64)
}
