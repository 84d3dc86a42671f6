package event

import (
	"fmt"
	"time"
)

// Event is one step a pattern took.
type Event struct {
	Time time.Time
	Kind Kind
	ID   int   // the item, task or child the event is about; -1 for none
	Slot int   // the concurrency slot (lane) involved; -1 for none
	N    int   // a count the kind carries (demand asked, batch size, …); 0 for none
	Err  error // why, for failures and exits
}

func (e Event) String() string {
	s := fmt.Sprintf("%s %s id=%d", e.Time.Format("15:04:05.000"), e.Kind, e.ID)
	if e.Slot >= 0 {
		s += fmt.Sprintf(" slot=%d", e.Slot)
	}
	if e.N != 0 {
		s += fmt.Sprintf(" n=%d", e.N)
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Hook observes events. It is called synchronously on the goroutine that
// took the step, often under the pattern's lock, so it must be fast and
// must not block. If it panics, the pattern recovers and tells it with a
// [HookPanicked] event (see the package doc). A nil Hook is valid and
// observes nothing.
type Hook func(Event)
