package stageview

import (
	"math"

	"github.com/concurrency-patterns/playground/internal/view"
)

// Sizes of the layout, in CSS pixels.
const (
	pad      = 12.0
	captionH = 18.0
	barH     = 14.0 // the producer's buffer, the batch being filled
	bandH    = 64.0 // the channels between the producer and the processors
	band2H   = 44.0 // those between the processors and the batcher
	gaugeH   = 72.0 // a processor's demand gauge: max_demand from bottom to top
	stripH   = 28.0 // the flushed batches
	batchW   = 6.0  // one flushed batch
	labelCol = 22.0 // columns narrower than this go without labels
	pulseCol = 40.0 // columns narrower than this go without pulse labels
)

const maxGaugeW = 34.0

// Layout places a scene on a canvas of one width. It depends on the
// configuration and the width only, so nothing moves while a run plays.
type Layout struct {
	W, H float64
	cfg  Config
	colW float64 // one processor's column

	prodCapY, bufTextY float64
	buf                view.Rect
	band1              [2]float64 // top and bottom of the upper channels
	labelY             float64
	gauge              [2]float64 // top, height of the gauges
	gaugeW             float64
	progY              float64
	countY             float64
	band2              [2]float64
	batchCapY          float64
	batch, timer       view.Rect
	timerTextY         float64
	strip              view.Rect
	footY              float64
}

// NewLayout lays a run of cfg out on a canvas width CSS pixels wide.
func NewLayout(cfg Config, width float64) Layout {
	l := Layout{W: max(width, 120), cfg: cfg}
	inner := l.W - 2*pad
	l.colW = inner / float64(max(cfg.Consumers, 1))
	l.gaugeW = max(min(l.colW-4, maxGaugeW), 1)
	if l.colW < 6 {
		l.gaugeW = max(l.colW-1, 1)
	}
	y := pad + view.HeaderH + 8
	l.prodCapY = y + 8
	y += captionH
	l.buf = view.Rect{X: pad, Y: y, W: inner, H: barH}
	y += barH + 2
	l.bufTextY = y + 8
	y += 16
	l.band1 = [2]float64{y, y + bandH}
	y += bandH
	l.labelY = y + 6
	l.gauge = [2]float64{y + 13, gaugeH}
	y += 13 + gaugeH
	l.progY = y + 3
	y += 8
	l.countY = y + 6
	y += 26
	l.band2 = [2]float64{y, y + band2H}
	y += band2H
	l.batchCapY = y + 8
	y += captionH
	l.batch = view.Rect{X: pad, Y: y, W: inner, H: barH}
	y += barH + 3
	l.timer = view.Rect{X: pad, Y: y, W: inner, H: 5}
	y += 5
	l.timerTextY = y + 9
	y += 18
	l.strip = view.Rect{X: pad, Y: y, W: inner, H: stripH}
	y += stripH + 10
	l.footY = y + 8
	y += 2 * captionH
	l.H = math.Ceil(y + pad)
	return l
}

// column returns the centre of processor i's column.
func (l Layout) column(i int) float64 { return pad + (float64(i)+0.5)*l.colW }

// lanes returns the x of a column's two channels, demand on the left and
// events on the right, and the width of a pulse.
func (l Layout) lanes(i int) (demand, events, pw float64) {
	cx := l.column(i)
	off := min(l.colW/4, 7)
	pw = max(min(l.colW/4, 8), 1)
	return cx - off, cx + off, pw
}

// batchesShown is how many flushed batches the strip has room for.
func (l Layout) batchesShown() int { return max(int((l.strip.W+2)/(batchW+2)), 1) }
