package streamview

import (
	"math"
	"strconv"

	"github.com/concurrency-patterns/playground/internal/view"
)

// Sizes of the layout, in CSS pixels.
const (
	pad         = 12.0  // around the drawing
	captionH    = 18.0  // a section's caption line
	sectionGap  = 10.0  // between sections
	maxCell     = 14.0  // largest cell of the queue, buffer and results
	minCell     = 6.0   // smallest cell; beyond that, only the latest results show, under a tally of all
	outMaxH     = 150.0 // height the results grid may take
	tallyH      = 8.0   // the bar that counts every result when not all show
	queueRows   = 4     // rows the input queue shows at most
	bufferRows  = 2     // rows the out-of-order buffer shows at most
	lanesMaxH   = 260.0 // height the lanes may take before they shrink
	laneMaxH    = 18.0
	laneMinH    = 3.0
	denseLane   = 8.0   // lanes lower than this share one track per column
	laneMinW    = 120.0 // narrowest lane, label included
	laneGapX    = 12.0
	laneLabelH  = 11.0 // lanes lower than this go without labels
	lanesPerCol = 16   // lanes in a column before a second column opens
	maxLanes    = 48   // more slots than this are drawn as cells, one a slot
	slotGap     = 1.0  // between slot cells
)

// Layout places the parts of a scene on a canvas of a given width. It
// depends on the configuration and the width only, so it is built once per
// run and resize, not once per frame, and nothing moves while a run plays.
type Layout struct {
	W, H  float64 // the canvas size in CSS pixels
	cfg   Config
	queue view.Grid
	lanes lanes
	buf   view.Grid // zero rows when the stream is unordered
	out   view.Grid
	tally view.Rect // every result counted in one bar; zero when they all show as cells
}

// lanes is a block of lanes, filled column by column.
type lanes struct {
	captionY   float64
	x, y       float64
	cols, rows int
	w, h, gap  float64 // one lane's box (label included) and the row gap
	label      float64 // width kept for the item's label; 0 for none
	// cells, when it has columns, draws the slots as a cell each instead:
	// with more than maxLanes slots, lanes would be slivers.
	cells view.Grid
}

// box returns lane i's label origin and its bar.
func (l lanes) box(i int) (labelX, labelY float64, bar view.Rect) {
	c, r := i/l.rows, i%l.rows
	x := l.x + float64(c)*(l.w+laneGapX)
	y := l.y + float64(r)*(l.h+l.gap)
	return x, y + l.h/2, view.Rect{X: x + l.label, Y: y, W: l.w - l.label, H: l.h}
}

// NewLayout places a scene of cfg on a canvas width CSS pixels wide.
func NewLayout(cfg Config, width float64) Layout {
	l := Layout{W: max(width, 2*pad+4*minCell), cfg: cfg}
	inner := l.W - 2*pad
	cell, gap, perRow := cellSize(cfg.Items, inner)
	y := pad + view.HeaderH + sectionGap

	l.queue = l.section(&y, cell, gap, perRow, min(rowsFor(cfg.Items, perRow), queueRows))
	l.lanes = newLanes(cfg, inner, &y)
	if cfg.Ordered {
		l.buf = l.section(&y, cell, gap, perRow, min(rowsFor(cfg.Items, perRow), bufferRows))
	}
	outRows := int((outMaxH + gap) / (cell + gap))
	if rowsFor(cfg.Items, perRow) > outRows {
		l.tally = view.Rect{X: pad, Y: y + captionH, W: inner, H: tallyH}
		y += tallyH + 4
	}
	l.out = l.section(&y, cell, gap, perRow, min(rowsFor(cfg.Items, perRow), outRows))
	if l.tally.H > 0 {
		l.out.CaptionY -= tallyH + 4 // the caption stays above the tally
	}
	l.H = math.Ceil(y - sectionGap + pad)
	return l
}

// section places a caption and a grid of rows at *y and moves *y past them.
func (l Layout) section(y *float64, cell, gap float64, perRow, rows int) view.Grid {
	g := view.Grid{CaptionY: *y + 8, X: pad, Y: *y + captionH, Cols: perRow, Rows: max(rows, 1), Cell: cell, Gap: gap}
	*y = g.Y + g.Height() + sectionGap
	return g
}

// cellSize picks the largest cell that lets n results fit in the results
// grid, or the smallest cell when none does.
func cellSize(n int, inner float64) (cell, gap float64, perRow int) {
	for cell = maxCell; ; cell-- {
		gap = 1
		if cell >= 8 {
			gap = 2
		}
		perRow = max(int((inner+gap)/(cell+gap)), 1)
		if cell <= minCell || float64(rowsFor(n, perRow))*(cell+gap)-gap <= outMaxH {
			return cell, gap, perRow
		}
	}
}

func rowsFor(n, perRow int) int { return max((n+perRow-1)/perRow, 1) }

// newLanes places one lane per slot: one column while that keeps lanes
// readable, more columns as slots grow, lower lanes when even those would
// be too tall.
func newLanes(cfg Config, inner float64, y *float64) lanes {
	n := max(cfg.Lanes, 1)
	if n > maxLanes {
		return slotCells(n, inner, y)
	}
	maxCols := max(int((inner+laneGapX)/(laneMinW+laneGapX)), 1)
	cols := min((n+lanesPerCol-1)/lanesPerCol, maxCols)
	rows := (n + cols - 1) / cols
	gap := 2.0
	h := min(max(math.Floor(lanesMaxH/float64(rows))-gap, laneMinH), laneMaxH)
	if h < denseLane {
		gap = 1
	}
	l := lanes{captionY: *y + 8, x: pad, y: *y + captionH, cols: cols, rows: rows, h: h, gap: gap,
		w: (inner - float64(cols-1)*laneGapX) / float64(cols)}
	if h >= laneLabelH {
		// room for "#" and the widest id, in the monospace label font
		l.label = 6.5*float64(len(strconv.Itoa(max(cfg.Items-1, 0)))+1) + 6
	}
	*y = l.y + float64(rows)*(h+gap) - gap + sectionGap
	return l
}

// Limits says how many cells of each part fit, for [Timeline.Scene].
func (l Layout) Limits() Limits {
	lim := Limits{Queue: l.queue.Capacity(), Buffer: l.buf.Capacity(), Out: l.out.Capacity(), Tally: l.tally.H > 0}
	if !l.cfg.Ordered {
		lim.Buffer = 1 // not drawn: list as little as a limit allows
	}
	return lim
}

// slotCells places n slots as a block of cells, the largest that keeps the
// block within lanesMaxH.
func slotCells(n int, inner float64, y *float64) lanes {
	g := view.Grid{CaptionY: *y + 8, X: pad, Y: *y + captionH, Gap: slotGap}
	for g.Cell = maxCell; ; g.Cell-- {
		g.Cols = max(int((inner+g.Gap)/(g.Cell+g.Gap)), 1)
		g.Rows = rowsFor(n, g.Cols)
		if g.Cell <= 3 || g.Height() <= lanesMaxH {
			break
		}
	}
	*y = g.Y + g.Height() + sectionGap
	return lanes{captionY: g.CaptionY, x: pad, cells: g}
}
