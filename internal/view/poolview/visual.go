package poolview

import (
	"math"
	"strconv"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Visual is a run of the pool: its workers lane by lane, the callers
// waiting for a checkout, and those that left.
type Visual struct {
	x       *index
	timeout float64 // how long a checkout waits, ms; 0 for ever
	items   int
	width   float64
	l       layout
}

// New builds the visual of a pool run with parameters v; a nil trace
// previews v before any run.
func New(trace []event.Record, v scenario.Values) view.Visual {
	vis := &Visual{x: newIndex(trace, max(v.Int("size"), 1), v.Int("max_overflow")), items: max(v.Int("items"), 1)}
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
		v.width, v.l = width, newLayout(v.x, v.items, width)
	}
	return v.l
}

// Sizes of the layout, in CSS pixels.
const (
	pad        = 12.0
	captionH   = 18.0
	sectionGap = 12.0
	laneH      = 14.0
	laneGap    = 3.0
	maxLanes   = 24 // more lanes than this are drawn as cells
	queueRows  = 3
	cell       = 10.0
	outRows    = 4
)

// layout places the workers, the queue and the results for one width.
type layout struct {
	w, h     float64
	size     int
	label    float64 // width of a lane's label; 0 when lanes are cells
	lanesY   float64
	ovfY     float64 // the caption line above the overflow lanes
	cells    view.Grid
	queue    view.Chips
	out      view.Grid
	overflow bool // the pool may overflow
}

func newLayout(x *index, items int, width float64) layout {
	l := layout{w: max(width, 120), size: x.size, overflow: x.lanes > x.size}
	inner := l.w - 2*pad
	y := pad + view.HeaderH + sectionGap
	l.lanesY = y + captionH
	if x.lanes <= maxLanes {
		l.label = 6.5*float64(len(strconv.Itoa(items))+1) + 8
		y = l.lanesY + float64(x.size)*(laneH+laneGap)
		if l.overflow {
			l.ovfY = y + 6
			y += captionH + float64(x.lanes-x.size)*(laneH+laneGap)
		}
		y += sectionGap - laneGap
	} else {
		c := cell
		cols := int((inner + 2) / (c + 2))
		for c > 4 && float64((x.lanes+cols-1)/cols)*(c+2) > 160 {
			c -= 2
			cols = int((inner + 2) / (c + 2))
		}
		l.cells = view.Grid{CaptionY: y + 8, X: pad, Y: l.lanesY, Cols: cols, Rows: (x.lanes + cols - 1) / cols, Cell: c, Gap: 2}
		y = l.cells.Y + l.cells.Height() + sectionGap
	}
	l.queue = view.NewChips(pad, y+captionH, inner, items-1, queueRows)
	y = l.queue.Y + l.queue.Height() + sectionGap
	cols := max(int((inner+2)/(cell+2)), 1)
	l.out = view.Grid{CaptionY: y + 8, X: pad, Y: y + captionH, Cols: cols, Rows: min(outRows, (items+cols-1)/cols), Cell: cell, Gap: 2}
	l.h = math.Ceil(l.out.Y + l.out.Height() + pad)
	return l
}

// laneRect is lane i's row, label included.
func (l layout) laneRect(i int) view.Rect {
	y := l.lanesY + float64(i)*(laneH+laneGap)
	if i >= l.size {
		y += captionH
	}
	return view.Rect{X: pad, Y: y, W: l.w - 2*pad, H: laneH}
}
