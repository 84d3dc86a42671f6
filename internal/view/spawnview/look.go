package spawnview

import (
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Look points at the moment of event r on both charts, as a band at its
// time through the live handlers and the memory held; the death's line
// for the process running out of memory.
func (v *Visual) Look(r event.Record, _, width float64) (view.Look, bool) {
	end := v.axisEnd()
	if v.End() <= 0 {
		return view.Look{}, false
	}
	top := pad + view.HeaderH + chartGap + titleH
	bottom := top + plotH + axisH + chartGap + titleH + plotH
	x0, w := pad+axisW, width-2*pad-axisW
	x := x0 + w*min(view.Millis(r.At)/end, 1)
	return view.Look{At: view.Rect{X: max(x-7, x0-4), Y: top, W: 14, H: bottom - top}}, true
}
