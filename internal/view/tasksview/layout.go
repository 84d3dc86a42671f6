package tasksview

import (
	"math"

	"github.com/concurrency-patterns/playground/internal/view"
)

// Sizes of the layout, in CSS pixels.
const (
	pad       = 12.0
	lineH     = 18.0 // a caption line
	stripH    = 12.0 // the refusals strip, or the program's life in bare mode
	lanesMaxH = 300.0
	laneMaxH  = 16.0
	laneMinH  = 2.0
	axisH     = 22.0
	capW      = 4.0 // the coloured end of a span
	crashW    = 6.0 // a crash's end: wider, to be seen
	maxLanes  = 48  // more lanes than this are drawn as a heat map
	heatRows  = 40  // the heat map's rows
)

// Layout places a run on a canvas of some width. It depends on the width
// and the run's shape only, so it is made once per width.
type Layout struct {
	W, H           float64
	countsY        float64 // the counts line's centre
	stripCaptionY  float64
	strip          view.Rect // refusal ticks, or the death band
	lanesCaptionY  float64
	x0, w          float64 // the time axis: x of 0 ms and its width
	lanesY         float64
	laneH, laneGap float64
	shown          int  // lanes drawn
	heat           bool // the lanes are drawn as a heat map, in rows of several (see view.Heat)
	lanes          int
	axisY          float64 // the axis labels' centre
	span           float64 // virtual ms the axis covers
}

// NewLayout lays out lanes lanes over span virtual ms at width.
func NewLayout(lanes int, span, width float64) Layout {
	l := Layout{W: max(width, 120), span: max(span, 1)}
	l.x0, l.w = pad, l.W-2*pad
	y := pad + view.HeaderH
	l.countsY = y + 8
	y += lineH
	l.stripCaptionY = y + 8
	l.strip = view.Rect{X: l.x0, Y: y + lineH - 2, W: l.w, H: stripH}
	y = l.strip.Y + stripH + 10
	l.lanesCaptionY = y + 8
	l.lanesY = y + lineH
	n := max(lanes, 1)
	l.lanes = n
	if n > maxLanes {
		l.heat = true
		h := view.NewHeat(n, heatRows, l.x0, l.lanesY, l.w, math.Floor(lanesMaxH/heatRows)-1, 1)
		l.laneH, l.laneGap, l.shown = h.RowH, h.Gap, h.Rows
		n = h.Rows
	}
	l.laneGap = max(l.laneGap, 2)
	if l.heat {
		l.laneGap = 1
	}
	if !l.heat {
		l.laneH = min(max(math.Floor(lanesMaxH/float64(n))-l.laneGap, laneMinH), laneMaxH)
		if l.laneH < 6 {
			l.laneGap = 1
		}
		l.shown = min(n, int((lanesMaxH+l.laneGap)/(l.laneH+l.laneGap)))
	}
	bottom := l.lanesY + float64(l.shown)*(l.laneH+l.laneGap) - l.laneGap
	l.axisY = bottom + axisH/2 + 2
	l.H = math.Ceil(bottom + axisH + pad)
	return l
}

// X is where virtual time ms lies on the axis.
func (l Layout) X(ms float64) float64 {
	return l.x0 + l.w*min(max(ms, 0), l.span)/l.span
}

// lane is lane i's box.
func (l Layout) lane(i int) view.Rect {
	return view.Rect{X: l.x0, Y: l.lanesY + float64(i)*(l.laneH+l.laneGap), W: l.w, H: l.laneH}
}

// lanesBottom is the bottom edge of the last lane drawn.
func (l Layout) lanesBottom() float64 {
	return l.lanesY + float64(l.shown)*(l.laneH+l.laneGap) - l.laneGap
}

// newHeat is an empty heat map of the lanes, for one frame.
func (l Layout) newHeat() view.Heat {
	return view.NewHeat(l.lanes, heatRows, l.x0, l.lanesY, l.w, l.laneH, l.laneGap)
}
