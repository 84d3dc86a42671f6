package poolview

import (
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Look points at what event r shows at time t: the worker's lane for an
// event of a worker, and otherwise caller r.ID, in the queue or among the
// callers that left.
func (v *Visual) Look(r event.Record, t, width float64) (view.Look, bool) {
	l := v.layoutFor(width)
	s := v.x.sceneAt(t, l.queue.Capacity(), l.out.Capacity())
	if i := int(r.Slot); i >= 0 && i < len(s.lanes) {
		if l.label == 0 {
			return view.Look{At: l.cells.Rect(i)}, true
		}
		return view.Look{At: l.laneRect(i)}, true
	}
	for i, ci := range s.queue {
		if v.x.callers[ci].id == r.ID {
			return view.Look{At: l.queue.Rect(i)}, true
		}
	}
	for i, ci := range s.ended {
		if v.x.callers[ci].id == r.ID {
			return view.Look{At: l.out.Rect(i)}, true
		}
	}
	return view.Look{}, false
}
