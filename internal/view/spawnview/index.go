package spawnview

import (
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// The memory estimate, in KiB, as the spawn scenario makes it: a handler
// goroutine's stack, and a waiting request's data.
const (
	goroutineKB = 8
	requestKB   = 1
)

// buckets is how many columns the charts have.
const buckets = 240

// index is a spawn trace reduced to counts: live handler goroutines and
// waiting requests after each instant, and the most of each per column.
type index struct {
	times         []float64
	live, waiting []int32 // after each tick
	bLive, bMem   [buckets]int32
	bWait         [buckets]int32
	peakLive      int
	peakMem       int
	peakWait      int
	requests      []int32 // requests arrived by the end of each tick
	marks         []view.Mark
}

func memKB(live, waiting int32) int32 { return goroutineKB*live + requestKB*waiting }

func newIndex(trace []event.Record, bounded bool) *index {
	x := &index{times: view.TimesOf(trace)}
	n := len(x.times)
	x.live, x.waiting, x.requests = make([]int32, n), make([]int32, n), make([]int32, n)
	var live, waiting, arrived int32
	peakAt := 0.0
	for i, r := range trace {
		switch r.Kind {
		case event.RequestArrived:
			arrived++
			if r.N > 0 {
				waiting++
			}
		case event.HandlerStarted:
			live++
			if bounded {
				waiting--
			}
		case event.HandlerDone:
			live--
		}
		if i+1 < len(trace) && trace[i+1].At == r.At {
			continue // the instant is not over
		}
		at := view.Millis(r.At)
		k := view.TickOf(x.times, at)
		x.live[k], x.waiting[k], x.requests[k] = live, waiting, arrived
		if int(live) > x.peakLive {
			x.peakLive, peakAt = int(live), at
		}
		x.peakWait = max(x.peakWait, int(waiting))
		x.peakMem = max(x.peakMem, int(memKB(live, waiting)))
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
	}
	return x
}

// now is the counts at time t.
func (x *index) now(t float64) (live, waiting, arrived int32) {
	k := view.TickAt(x.times, t)
	if k == 0 {
		return 0, 0, 0
	}
	return x.live[k-1], x.waiting[k-1], x.requests[k-1]
}
