package view

import "github.com/concurrency-patterns/playground/patterns/event"

// Look is what a guided moment points the reader at: a place on the
// picture, ringed, and a few words under the ring.
type Look struct {
	At  Rect   // in the picture's CSS pixels
	Say string // "#3 holds 5 results in the buffer"
}

// Looker is a visual that can say where an event of its run shows at time
// t (the event's own time, or later) on a picture width pixels wide. A
// visual that is not one gets the event's words and no ring.
type Looker interface {
	Look(r event.Record, t, width float64) (Look, bool)
}
