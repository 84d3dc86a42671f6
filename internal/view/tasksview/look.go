package tasksview

import (
	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Look points at what event r shows at time t: the line the program's
// death draws through every lane, a refused start on its strip, or the end
// of the task's bar.
func (v *Visual) Look(r event.Record, t, width float64) (view.Look, bool) {
	l := v.layoutFor(width)
	at := view.Millis(r.At)
	x := l.X(at)
	switch r.Kind {
	case scenario.Died:
		return view.Look{At: view.Rect{X: x - 6, Y: l.lanesY, W: 12, H: l.lanesBottom() - l.lanesY}}, true
	case event.Refused:
		return view.Look{At: view.Rect{X: x - 6, Y: l.strip.Y, W: 12, H: l.strip.H}}, true
	}
	if l.heat {
		return view.Look{}, false
	}
	for _, s := range v.tl.spans {
		if s.end == at && s.fate == fateOf(r.Kind) && int(s.lane) < l.shown {
			bar := l.lane(int(s.lane))
			x0 := l.X(s.start)
			return view.Look{At: view.Rect{X: x0, Y: bar.Y, W: x + crashW - x0, H: bar.H}}, true
		}
	}
	return view.Look{}, false
}
