package limiterview

import (
	"math"
	"strconv"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Visual is a run of the limiter: its slots and who holds each, the FIFO
// queue of waiting callers, and the callers that left.
type Visual struct {
	x       *index
	timeout float64 // how long a caller waits, ms; 0 for ever
	items   int
	width   float64 // the width layout was made for
	l       layout
}

// New builds the visual of a limiter run with parameters v; a nil trace
// previews v before any run.
func New(trace []event.Record, v scenario.Values) view.Visual {
	vis := &Visual{x: newIndex(trace, max(v.Int("max"), 1)), items: max(v.Int("items"), 1)}
	if d, ok := v.Duration("timeout"); ok {
		vis.timeout = view.Millis(d)
	}
	return vis
}

func (v *Visual) End() float64 {
	if n := len(v.x.times); n > 0 {
		return v.x.times[n-1]
	}
	return 0
}

func (v *Visual) Times() []float64   { return v.x.times }
func (v *Visual) Marks() []view.Mark { return v.x.marks }

func (v *Visual) Height(width float64) float64 { return v.layoutFor(width).h }

func (v *Visual) Plan(t, width float64) view.Plan {
	l := v.layoutFor(width)
	return l.plan(v, v.x.sceneAt(t, l.queue.Capacity(), l.out.Capacity()))
}

func (v *Visual) layoutFor(width float64) layout {
	if width != v.width {
		v.width, v.l = width, newLayout(v.x.slots, v.items, width)
	}
	return v.l
}

// Sizes of the layout, in CSS pixels.
const (
	pad        = 12.0
	captionH   = 18.0
	sectionGap = 12.0
	laneH      = 18.0
	laneGap    = 3.0
	maxLanes   = 12 // more slots than this are drawn as cells
	queueRows  = 3
	cell       = 10.0
	outRows    = 4
)

// layout places the slots, the queue and the results for one width.
type layout struct {
	w, h  float64
	label float64 // width of a lane's label; 0 when slots are cells
	lanes view.Grid
	queue view.Chips
	out   view.Grid
}

func newLayout(slots, items int, width float64) layout {
	l := layout{w: max(width, 120)}
	inner := l.w - 2*pad
	y := pad + view.HeaderH + sectionGap
	if slots <= maxLanes {
		l.label = 6.5*float64(len(strconv.Itoa(items))+1) + 8
		l.lanes = view.Grid{CaptionY: y + 8, X: pad, Y: y + captionH, Cols: 1, Rows: slots, Cell: laneH, Gap: laneGap}
	} else {
		c := cell
		cols := int((inner + 2) / (c + 2))
		for c > 4 && float64((slots+cols-1)/cols)*(c+2) > 160 {
			c -= 2
			cols = int((inner + 2) / (c + 2))
		}
		l.lanes = view.Grid{CaptionY: y + 8, X: pad, Y: y + captionH, Cols: cols, Rows: (slots + cols - 1) / cols, Cell: c, Gap: 2}
	}
	y = l.lanes.Y + l.lanes.Height() + sectionGap
	l.queue = view.NewChips(pad, y+captionH, inner, items-1, queueRows)
	y = l.queue.Y + l.queue.Height() + sectionGap
	cols := max(int((inner+2)/(cell+2)), 1)
	l.out = view.Grid{CaptionY: y + 8, X: pad, Y: y + captionH, Cols: cols, Rows: min(outRows, (items+cols-1)/cols), Cell: cell, Gap: 2}
	l.h = math.Ceil(l.out.Y + l.out.Height() + pad)
	return l
}
