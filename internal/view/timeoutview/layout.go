package timeoutview

import (
	"math"
	"strconv"

	"github.com/concurrency-patterns/playground/internal/view"
)

// Sizes of the layout, in CSS pixels.
const (
	pad           = 12.0
	lineH         = 18.0
	lanesMaxH     = 320.0
	laneMaxH      = 16.0
	laneMinH      = 2.0
	labelMinH     = 10.0 // lanes lower than this go without ids
	dashMinH      = 10.0 // lanes lower than this show an abandoned goroutine as a thin line
	axisH         = 22.0
	capW          = 4.0   // the caller's answer
	perTaskMax    = 30    // up to this many tasks, each has its own lane
	maxLanes      = 48    // more lanes than this are drawn as a heat map
	twoLinesBelow = 420.0 // canvases narrower than this give the counts two lines
	heatRows      = 40    // the heat map's rows
)

// Layout places a run on a canvas of some width; it is made once per
// width.
type Layout struct {
	W, H           float64
	countsY        float64
	counts2Y       float64 // a second line of counts on a narrow canvas; 0 for none
	lanesCaptionY  float64
	labelW         float64 // the ids' column; 0 when lanes are shared or low
	x0, w          float64 // the time axis
	lanesY         float64
	laneH, laneGap float64
	shown          int
	heat           bool // the lanes are drawn as a heat map, in rows of several (see view.Heat)
	lanes          int
	axisY          float64
	span           float64
}

// NewLayout lays out lanes lanes over span virtual ms at width; perTask
// lanes get their task's id, up to maxID.
func NewLayout(lanes int, perTask bool, maxID int, span, width float64) Layout {
	l := Layout{W: max(width, 120), span: max(span, 1)}
	y := pad + view.HeaderH
	l.countsY = y + 8
	y += lineH
	if l.W < twoLinesBelow {
		l.counts2Y = y + 8
		y += lineH
	}
	l.lanesCaptionY = y + 8
	l.lanesY = y + lineH
	n := max(lanes, 1)
	l.lanes = n
	l.laneGap = 2
	l.laneH = min(max(math.Floor(lanesMaxH/float64(n))-l.laneGap, laneMinH), laneMaxH)
	if l.laneH < 6 {
		l.laneGap = 1
	}
	l.shown = min(n, int((lanesMaxH+l.laneGap)/(l.laneH+l.laneGap)))
	if n > maxLanes {
		l.heat, l.laneGap = true, 1
		l.laneH = math.Floor(lanesMaxH/heatRows) - l.laneGap
		l.shown = l.newHeat().Rows
	}
	if perTask && l.laneH >= labelMinH && !l.heat {
		l.labelW = 6.5*float64(len(strconv.Itoa(maxID))+1) + 6
	}
	l.x0 = pad + l.labelW
	l.w = l.W - pad - l.x0
	bottom := l.lanesY + float64(l.shown)*(l.laneH+l.laneGap) - l.laneGap
	l.axisY = bottom + axisH/2 + 2
	l.H = math.Ceil(bottom + axisH + pad)
	return l
}

// X is where virtual time ms lies on the axis.
func (l Layout) X(ms float64) float64 {
	return l.x0 + l.w*min(max(ms, 0), l.span)/l.span
}

// lane is lane i's box on the axis.
func (l Layout) lane(i int) view.Rect {
	return view.Rect{X: l.x0, Y: l.lanesY + float64(i)*(l.laneH+l.laneGap), W: l.w, H: l.laneH}
}

// between is lane r's part from a to b (virtual ms); false when empty.
func (l Layout) between(r view.Rect, a, b float64) (view.Rect, bool) {
	x0, x1 := l.X(a), l.X(b)
	if x1 <= x0 {
		return r, false
	}
	r.X, r.W = x0, x1-x0
	return r, true
}

// newHeat is an empty heat map of the lanes, for one frame.
func (l Layout) newHeat() view.Heat {
	return view.NewHeat(l.lanes, heatRows, l.x0, l.lanesY, l.w, l.laneH, l.laneGap)
}
