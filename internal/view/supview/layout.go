package supview

import (
	"math"
	"strconv"

	"github.com/concurrency-patterns/playground/internal/view"
)

// Sizes of the layout, in CSS pixels.
const (
	pad        = 12.0
	lineH      = 15.0  // a caption line
	captionH   = 18.0  // a section's caption line
	sectionGap = 12.0  // between sections
	gaugeH     = 22.0  // a cell of the intensity gauge
	gaugeMaxW  = 56.0  // widest gauge cell
	stampW     = 38.0  // a gauge cell at least this wide shows its restart's time
	axisH      = 24.0  // the time axis above the lanes: labels, restart ticks, the window
	lanesMaxH  = 300.0 // height the lanes may take
	laneMaxH   = 18.0
	laneMinH   = 2.0
	laneLabelH = 11.0 // lanes lower than this go without labels
	labelW     = 66.0 // the lane label column: "#123 ↻45"
	countW     = 112.0
	cell       = 8.0 // a refused start
	refusedMax = 3   // rows of refused starts shown at most
	charW      = 7.0 // a caption character, at most about
	maxLanes   = 48  // more lanes than this are drawn as a heat map
	heatRows   = 40  // the heat map's rows
)

// Layout places a scene on a canvas of one width. It depends on the
// configuration, the lanes and the width only, so nothing moves while a
// run plays and a frame lays nothing out.
type Layout struct {
	W, H  float64
	cfg   Config
	inner float64

	statusY  float64 // the status line; the reason lines follow
	reasonN  int     // lines kept for the reason
	gaugeCap float64 // the gauge's caption line
	gauge    gauge
	lanesCap float64
	axisY    float64 // top of the axis row
	lanes    lanes
	refCap   float64 // 0 when there is no max_children
	refGrid  grid
	countsY  float64
	countCol int
}

type gauge struct {
	x, y, w, gap float64 // cell i is at x+i*(w+gap)
	n            int     // max_restarts + 1: the last cell is the one too many
	stamps       bool
}

type lanes struct {
	x, y, w  float64 // the bars' area, right of the labels
	h, gap   float64
	n, shown int
	label    bool
	labelX   float64
	heat     bool // the lanes are drawn as a heat map, in rows of several (see view.Heat)
}

type grid struct {
	x, y       float64
	cols, rows int
}

// NewLayout places a run of cfg with n lanes on a canvas width wide.
func NewLayout(cfg Config, n int, width float64) Layout {
	l := Layout{W: max(width, 200), cfg: cfg}
	l.inner = l.W - 2*pad
	y := pad + 9 + 20 // the clock, then the status line
	l.statusY = y
	l.reasonN = 2
	y += float64(l.reasonN+1)*lineH + sectionGap - 6

	l.gaugeCap = y + 8
	g := gauge{n: cfg.MaxRestarts + 1, gap: 4}
	g.w = min(gaugeMaxW, (l.inner-float64(g.n-1)*g.gap)/float64(g.n))
	if g.w < 10 {
		g.gap = 1
		g.w = max((l.inner-float64(g.n-1)*g.gap)/float64(g.n), 1)
	}
	g.x, g.y, g.stamps = pad, y+captionH, g.w >= stampW
	l.gauge = g
	y = g.y + gaugeH + 4 + 12 + lineH + sectionGap

	l.lanesCap = y + 8
	l.axisY = y + captionH
	l.lanes = newLanes(max(n, 1), l.inner, l.axisY+axisH)
	y = l.lanes.y + float64(l.lanes.shown)*(l.lanes.h+l.lanes.gap) - l.lanes.gap + sectionGap

	if cfg.MaxChildren > 0 {
		l.refCap = y + 8
		cols := max(int((l.inner+1)/(cell+1)), 1)
		rows := min(max((cfg.Children-cfg.MaxChildren+cols-1)/cols, 1), refusedMax)
		l.refGrid = grid{x: pad, y: y + captionH, cols: cols, rows: rows}
		y = l.refGrid.y + float64(rows)*(cell+1) - 1 + sectionGap
	}
	l.countsY = y + 8
	l.countCol = max(int(l.inner/countW), 1)
	y += float64((len(countKeys)+l.countCol-1)/l.countCol) * lineH
	l.H = math.Ceil(y - lineH + 8 + pad)
	return l
}

// newLanes gives each slot a lane: as tall as they fit in lanesMaxH, and
// the first ones only when even the lowest would not.
func newLanes(n int, inner, y float64) lanes {
	ln := lanes{n: n, gap: 2}
	if n > maxLanes {
		ln.heat, ln.gap, ln.h = true, 1, math.Floor(lanesMaxH/heatRows)-1
		ln.labelX, ln.x, ln.y, ln.w = pad, pad, y, inner
		ln.shown = ln.newHeat().Rows
		return ln
	}
	ln.h = min(max(math.Floor(lanesMaxH/float64(n))-ln.gap, laneMinH), laneMaxH)
	if ln.h < 6 {
		ln.gap = 1
		ln.h = max(math.Floor(lanesMaxH/float64(n))-ln.gap, laneMinH)
	}
	ln.shown = min(n, int((lanesMaxH+ln.gap)/(ln.h+ln.gap)))
	ln.label = ln.h >= laneLabelH
	ln.labelX, ln.x, ln.y, ln.w = pad, pad, y, inner
	if ln.label {
		ln.x, ln.w = pad+labelW, inner-labelW
	}
	return ln
}

// newHeat is an empty heat map of the lanes, for one frame.
func (ln lanes) newHeat() view.Heat {
	return view.NewHeat(ln.n, heatRows, ln.x, ln.y, ln.w, ln.h, ln.gap)
}

// laneY is the top of lane i.
func (ln lanes) laneY(i int) float64 { return ln.y + float64(i)*(ln.h+ln.gap) }

// bottom is the lowest pixel of the shown lanes.
func (ln lanes) bottom() float64 { return ln.laneY(ln.shown) - ln.gap }

// x maps a virtual time to the lanes' x over an axis of length axis.
func (ln lanes) xAt(t, axis float64) float64 { return ln.x + ln.w*min(max(t/axis, 0), 1) }

// wrap breaks s into at most n lines of about width pixels of caption
// text, the last one cut with "…".
func wrap(s string, width float64, n int) []string {
	per := max(int(width/charW), 8)
	var out []string
	for len(s) > 0 && len(out) < n {
		r := []rune(s)
		if len(r) <= per {
			out = append(out, s)
			break
		}
		cut := per
		for cut > per/2 && r[cut] != ' ' {
			cut--
		}
		if cut == per/2 {
			cut = per
		}
		line := string(r[:cut])
		s = string(r[cut:])
		if len(s) > 0 && s[0] == ' ' {
			s = s[1:]
		}
		if len(out) == n-1 && len(s) > 0 {
			line = string(r[:min(per-1, len(r))]) + "…"
		}
		out = append(out, line)
	}
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }
