package event

import (
	"sync"
	"time"
)

// Record is an [Event] as a trace keeps it: time as an offset from the
// trace's origin, and the error reduced to its message. It is 40 bytes.
type Record struct {
	At     time.Duration
	Detail string
	ID     int32
	Slot   int32
	N      int32
	Kind   Kind
}

// Recorder keeps every event it observes, in the order observed. It is safe
// for concurrent use.
type Recorder struct {
	origin  time.Time
	mu      sync.Mutex
	records []Record
	details map[string]string // one copy of each error text: most repeat
}

// NewRecorder returns a recorder whose offsets count from origin.
func NewRecorder(origin time.Time) *Recorder { return &Recorder{origin: origin} }

// Hook returns the hook to pass to a pattern.
func (r *Recorder) Hook() Hook { return r.observe }

// RecordOf is e as a trace keeps it, its time an offset from origin.
func RecordOf(e Event, origin time.Time) Record {
	rec := Record{At: e.Time.Sub(origin), ID: int32(e.ID), Slot: int32(e.Slot), N: int32(e.N), Kind: e.Kind}
	if e.Err != nil {
		rec.Detail = e.Err.Error()
	}
	return rec
}

func (r *Recorder) observe(e Event) {
	rec := Record{At: e.Time.Sub(r.origin), ID: int32(e.ID), Slot: int32(e.Slot), N: int32(e.N), Kind: e.Kind}
	var detail string
	if e.Err != nil {
		detail = e.Err.Error()
	}
	r.mu.Lock()
	if detail != "" {
		if r.details == nil {
			r.details = map[string]string{}
		}
		if same, ok := r.details[detail]; ok {
			detail = same
		} else {
			r.details[detail] = detail
		}
		rec.Detail = detail
	}
	r.records = append(r.records, rec)
	r.mu.Unlock()
}

// Records returns a copy of what was recorded so far.
func (r *Recorder) Records() []Record {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Record(nil), r.records...)
}
