package spawnview

import (
	"strconv"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// buckets is how many columns the charts have.
const buckets = 240

// index is a spawn trace reduced to counts: live handler goroutines,
// waiting requests, answered and shed ones after each instant, the most of
// each per column, and the moment the process died, if it did.
type index struct {
	times         []float64
	live, waiting []int32 // after each tick
	served, shed  []int32 // by the end of each tick
	bLive, bMem   [buckets]int32
	bWait         [buckets]int32
	peakLive      int
	peakMem       int
	peakWait      int
	// The peaks so far after each tick: a moment shows the most it has
	// seen, not the most the run will see.
	peakLiveBy, peakMemBy []int32
	requests              []int32 // requests arrived (or shed) by the end of each tick
	crashAt               float64 // view.Never if the process lived
	crashKB, lost         int     // what it needed, and the requests it held, when it died
	marks                 []view.Mark
}

func memKB(live, waiting int32) int32 { return int32(scenario.SpawnMemoryKB(int(live), int(waiting))) }

func newIndex(trace []event.Record, bounded bool) *index {
	x := &index{times: view.TimesOf(trace), crashAt: view.Never}
	n := len(x.times)
	x.live, x.waiting, x.requests = make([]int32, n), make([]int32, n), make([]int32, n)
	x.served, x.shed = make([]int32, n), make([]int32, n)
	x.peakLiveBy, x.peakMemBy = make([]int32, n), make([]int32, n)
	var live, waiting, arrived, served, shed int32
	peakAt := 0.0
	for i, r := range trace {
		switch r.Kind {
		case scenario.RequestArrived:
			arrived++
			if r.N > 0 {
				waiting++
			}
		case scenario.RequestShed:
			arrived++
			shed++
		case scenario.HandlerStarted:
			live++
			if bounded {
				waiting--
			}
		case scenario.HandlerDone:
			live--
			served++
		case scenario.OutOfMemory:
			x.crashAt, x.crashKB, x.lost = view.Millis(r.At), int(r.N), int(live+waiting)
		}
		if i+1 < len(trace) && trace[i+1].At == r.At {
			continue // the instant is not over
		}
		at := view.Millis(r.At)
		k := view.TickOf(x.times, at)
		x.live[k], x.waiting[k], x.requests[k] = live, waiting, arrived
		x.served[k], x.shed[k] = served, shed
		if int(live) > x.peakLive {
			x.peakLive, peakAt = int(live), at
		}
		x.peakWait = max(x.peakWait, int(waiting))
		x.peakMem = max(x.peakMem, int(memKB(live, waiting)))
		x.peakLiveBy[k], x.peakMemBy[k] = int32(x.peakLive), int32(x.peakMem)
	}
	if n > 0 {
		end := x.times[n-1]
		for k, at := range x.times {
			b := min(int(at/max(end, 1e-9)*buckets), buckets-1)
			x.bLive[b] = max(x.bLive[b], x.live[k])
			x.bWait[b] = max(x.bWait[b], x.waiting[k])
			x.bMem[b] = max(x.bMem[b], memKB(x.live[k], x.waiting[k]))
		}
		x.marks = []view.Mark{{T: peakAt, Role: view.RoleAlert, Label: "peak: " + view.Plural(x.peakLive, "handler goroutine") + " at once"}}
		if x.crashAt != view.Never {
			x.marks = append(x.marks, view.Mark{T: x.crashAt, Role: view.RoleCrashed, Label: x.crashWords()})
		}
	}
	return x
}

// crashWords says how the process died.
func (x *index) crashWords() string {
	return "out of memory at " + view.Ms(x.crashAt) + " ms: " + view.Plural(x.lost, "request") + " lost"
}

// now is the counts at time t.
func (x *index) now(t float64) (live, waiting, arrived int32) {
	k := view.TickAt(x.times, t)
	if k == 0 {
		return 0, 0, 0
	}
	return x.live[k-1], x.waiting[k-1], x.requests[k-1]
}

// peaks are the most handlers and memory held at once by time t.
func (x *index) peaks(t float64) (live, memKB int32) {
	k := view.TickAt(x.times, t)
	if k == 0 {
		return 0, 0
	}
	return x.peakLiveBy[k-1], x.peakMemBy[k-1]
}

// fates is how many requests were answered and shed by time t.
func (x *index) fates(t float64) (served, shed int32) {
	k := view.TickAt(x.times, t)
	if k == 0 {
		return 0, 0
	}
	return x.served[k-1], x.shed[k-1]
}

// readout is the goroutine chart's line of numbers: live handlers now, the
// peak, and how fast the database goes for each of them.
func readout(live int32, peak, capacity int) string {
	s := strconv.Itoa(int(live)) + " now · peak " + strconv.Itoa(peak)
	if int(live) > capacity {
		s += " · each query at " + strconv.Itoa(max(1, capacity*100/int(live))) + " % speed"
	}
	return s
}
