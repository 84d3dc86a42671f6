package limiterview

import (
	"strconv"

	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Look points at caller r.ID at time t: in the slot it holds, in its place
// in the queue, or among the callers that left, with what became of it.
func (v *Visual) Look(r event.Record, t, width float64) (view.Look, bool) {
	l := v.layoutFor(width)
	s := v.x.sceneAt(t, l.queue.Capacity(), l.out.Capacity())
	who := "#" + strconv.Itoa(int(r.ID))
	for i, h := range s.holders {
		if h.id == r.ID {
			at := l.lanes.Rect(i)
			if l.label > 0 {
				at.W = l.w - 2*pad
			}
			return view.Look{At: at, Say: who + " holds slot " + strconv.Itoa(i)}, true
		}
	}
	for i, ci := range s.queue {
		if v.x.callers[ci].id == r.ID {
			return view.Look{At: l.queue.Rect(i), Say: who + " waits in the queue, " + view.Plural(i, "caller") + " ahead of it"}, true
		}
	}
	for i, ci := range s.ended {
		if c := v.x.callers[ci]; c.id == r.ID {
			say := who + " released its slot"
			switch c.fate {
			case fateCrashed:
				say = who + " crashed holding its slot, and the slot came back all the same"
			case fateGaveUp:
				say = who + " gave up waiting and left the queue; the slot it waited for goes to the next in line"
			}
			return view.Look{At: l.out.Rect(i), Say: say}, true
		}
	}
	return view.Look{}, false
}
