package supview

import (
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Look points at what event r shows at time t: the gauge for the give-up,
// the row of refused starts for a refusal, the status for the stop, and
// the child's lane, at the event's time, for the rest.
func (v *Visual) Look(r event.Record, t, width float64) (view.Look, bool) {
	l := v.layoutFor(width)
	g, ln := l.gauge, l.lanes
	switch r.Kind {
	case event.SupervisorGaveUp:
		w := float64(g.n)*(g.w+g.gap) - g.gap
		return view.Look{At: view.Rect{X: g.x, Y: g.y, W: w, H: gaugeH + 14},
			Say: "restart " + itoa(int(r.N)) + " within " + view.Ms(l.cfg.Period/1000) + " s is one more than max_restarts (" +
				itoa(l.cfg.MaxRestarts) + ") allows: the supervisor gives up and stops every child"}, true
	case event.ChildRefused:
		if l.refCap == 0 {
			return view.Look{}, false
		}
		return view.Look{At: view.Rect{X: l.refGrid.x, Y: l.refGrid.y, W: float64(l.refGrid.cols) * (cell + 1),
			H: float64(l.refGrid.rows)*(cell+1) - 1}}, true
	case event.SupervisorStopping, event.SupervisorStopped:
		return view.Look{At: view.Rect{X: pad, Y: l.statusY - 8, W: l.inner, H: float64(l.reasonN+1)*lineH + 1}}, true
	}
	if r.Slot < 0 || int(r.Slot) >= ln.shown || ln.heat {
		return view.Look{}, false
	}
	x := ln.xAt(t, v.tl.Axis())
	return view.Look{At: view.Rect{X: x - 8, Y: ln.laneY(int(r.Slot)), W: 16, H: ln.h}}, true
}
