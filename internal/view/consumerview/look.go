package consumerview

import (
	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Look points at where event r shows: a child's job events at its place
// in its lane, the supervisor's start, exit and restart of a child at
// that moment of the chart of children alive, and anything else at the
// header's counts.
func (v *Visual) Look(r event.Record, _, width float64) (view.Look, bool) {
	if v.End() <= 0 {
		return view.Look{}, false
	}
	at := view.Millis(r.At)
	switch r.Kind {
	case scenario.JobBegan, scenario.JobEnded:
		if r.Slot < 0 || int(r.Slot) >= v.maxDemand {
			return view.Look{}, false
		}
		lane := v.laneRect(int(r.Slot), width)
		x := v.xOf(lane, at)
		return view.Look{At: clampX(view.Rect{X: x - 8, Y: lane.Y - 3, W: 16, H: lane.H + 6}, width)}, true
	case event.EventChildStarted, event.EventChildExited, event.EventChildRestarted:
		_, chart, _ := v.tops()
		x := v.xOf(view.Rect{X: pad, W: width - 2*pad}, at)
		return view.Look{At: clampX(view.Rect{X: x - 8, Y: chart + caption - 2, W: 16, H: plotH + 4}, width)}, true
	}
	return view.Look{At: view.Rect{X: pad - 4, Y: pad + 20, W: width - 2*pad + 8, H: 18}}, true
}

// clampX keeps a ring on a canvas width pixels wide.
func clampX(r view.Rect, width float64) view.Rect {
	r.X = min(max(r.X, 0), width-r.W)
	return r
}
