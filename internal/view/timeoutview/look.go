package timeoutview

import (
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Look points at task r.ID's row at time t, from its label to t: its
// window, its run and the mark of its answer so far.
func (v *Visual) Look(r event.Record, t, width float64) (view.Look, bool) {
	l := v.layoutFor(width)
	for _, tk := range v.tl.tasks {
		if tk.id != r.ID || l.heat || int(tk.lane) >= l.shown {
			continue
		}
		row := l.lane(int(tk.lane))
		x0 := l.X(tk.start)
		if l.labelW > 0 {
			x0 = pad
		}
		return view.Look{At: view.Rect{X: x0, Y: row.Y, W: min(l.X(t)+capW, l.x0+l.w) - x0, H: row.H}}, true
	}
	return view.Look{}, false
}
