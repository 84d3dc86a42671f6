package stageview

import (
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Look points at what event r shows: the producer's buffer for a drop,
// the batches for a flush, and a processor's column, from its channels to
// its gauge, for what a processor does.
func (v *Visual) Look(r event.Record, _, width float64) (view.Look, bool) {
	l := v.layoutFor(width)
	switch r.Kind {
	case event.EventsDropped:
		return view.Look{At: l.buf}, true
	case event.BatchFlushed:
		return view.Look{At: view.Rect{X: l.batch.X, Y: l.batch.Y, W: l.batch.W, H: l.strip.Y + l.strip.H - l.batch.Y}}, true
	}
	i := int(r.ID) - 1 // processors are stages 1 to consumers; 0 is the producer
	if i < 0 || i >= l.cfg.Consumers {
		return view.Look{}, false
	}
	x := l.column(i) - l.colW/2
	return view.Look{At: view.Rect{X: x + 1, Y: l.band1[0], W: l.colW - 2, H: l.gauge[0] + l.gauge[1] - l.band1[0]}}, true
}
