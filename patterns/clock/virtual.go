package clock

import (
	"container/heap"
	"sync"
	"time"
)

// Epoch is where every [Virtual] clock starts, so that traces of two runs
// line up. It is the same instant testing/synctest starts from.
var Epoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// Virtual is a clock that moves only when [Virtual.Step] or
// [Virtual.Advance] is called. The zero value is not usable; call
// [NewVirtual].
type Virtual struct {
	mu     sync.Mutex
	now    time.Time
	timers timerHeap
	seq    uint64 // creation order, to break ties between equal deadlines
}

// NewVirtual returns a virtual clock that reads [Epoch].
func NewVirtual() *Virtual { return &Virtual{now: Epoch} }

// Now returns the virtual time.
func (v *Virtual) Now() time.Time {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.now
}

// Since returns the virtual time elapsed since t.
func (v *Virtual) Since(t time.Time) time.Duration { return v.Now().Sub(t) }

// Elapsed returns the virtual time since [Epoch].
func (v *Virtual) Elapsed() time.Duration { return v.Now().Sub(Epoch) }

// NewTimer returns a timer whose channel receives the virtual time after d.
func (v *Virtual) NewTimer(d time.Duration) Timer {
	t := &virtualTimer{clock: v, ch: make(chan time.Time, 1), index: -1}
	t.Reset(d)
	return t
}

// AfterFunc calls f after d of virtual time. f runs on the goroutine that
// advances the clock, so it must not block.
func (v *Virtual) AfterFunc(d time.Duration, f func()) Timer {
	t := &virtualTimer{clock: v, fn: f, index: -1}
	t.Reset(d)
	return t
}

// Pending reports how many timers are waiting to fire.
func (v *Virtual) Pending() int {
	v.mu.Lock()
	defer v.mu.Unlock()
	return len(v.timers)
}

// Step moves the clock to the earliest deadline and fires the timers due
// then (channel timers first; see popDue). It reports whether a timer fired;
// false means nothing is scheduled.
func (v *Virtual) Step() bool { return v.StepUpTo(0) }

// StepUpTo is [Virtual.Step] firing at most n timers (n <= 0: no limit).
// Timers left due fire on the next steps, at the same instant and in the
// same order, each step after the goroutines woken by the one before have
// run: a schedule a real clock may give too, since timers set for one
// instant never fire at exactly one moment. It bounds the work one step
// wakes, so that a caller stepping between frames keeps its frames short.
func (v *Virtual) StepUpTo(n int) bool {
	v.mu.Lock()
	if len(v.timers) == 0 {
		v.mu.Unlock()
		return false
	}
	v.now = v.timers[0].when
	now, due := v.now, v.popDue(n)
	v.mu.Unlock()
	fire(due, now)
	return true
}

// Advance moves the clock forward by d, firing in order every timer that
// falls due on the way.
func (v *Virtual) Advance(d time.Duration) {
	v.mu.Lock()
	end := v.now.Add(d)
	for len(v.timers) > 0 && !v.timers[0].when.After(end) {
		v.now = v.timers[0].when
		now, due := v.now, v.popDue(0)
		v.mu.Unlock()
		fire(due, now)
		v.mu.Lock()
	}
	v.now = end
	v.mu.Unlock()
}

// popDue removes the timers to fire at v.now, at most n of them when n > 0:
// the channel timers due then if there are any, else the AfterFunc timers.
// Goroutines woken by a channel get to run (the next step waits for
// quiescence) before a callback due at the same instant, so a task that
// finishes exactly at its timeout beats it. v.mu must be held.
func (v *Virtual) popDue(n int) []*virtualTimer {
	var due, callbacks []*virtualTimer
	for len(v.timers) > 0 && !v.timers[0].when.After(v.now) && (n <= 0 || len(due) < n) {
		t := heap.Pop(&v.timers).(*virtualTimer)
		t.index = -1
		if t.fn != nil {
			callbacks = append(callbacks, t)
		} else {
			due = append(due, t)
		}
	}
	if len(due) == 0 {
		due, callbacks = callbacks, nil
		if n > 0 && len(due) > n {
			due, callbacks = due[:n], due[n:]
		}
	}
	for _, t := range callbacks { // not yet: back in the heap, order kept
		heap.Push(&v.timers, t)
	}
	return due
}

// fire fires the timers due at now. It reads no field a timer's owner may
// change: a goroutine woken by the first may reset the next at once.
func fire(due []*virtualTimer, now time.Time) {
	for _, t := range due {
		if t.fn != nil {
			t.fn()
			continue
		}
		select {
		case t.ch <- now:
		default: // like time.Timer: an unread tick is not queued twice
		}
	}
}

type virtualTimer struct {
	clock *Virtual
	ch    chan time.Time
	fn    func()
	when  time.Time
	seq   uint64
	index int // position in the heap, -1 when not scheduled
}

func (t *virtualTimer) C() <-chan time.Time { return t.ch }

func (t *virtualTimer) Stop() bool {
	v := t.clock
	v.mu.Lock()
	defer v.mu.Unlock()
	if t.index < 0 {
		return false
	}
	heap.Remove(&v.timers, t.index)
	t.index = -1
	return true
}

func (t *virtualTimer) Reset(d time.Duration) bool {
	v := t.clock
	v.mu.Lock()
	defer v.mu.Unlock()
	active := t.index >= 0
	if active {
		heap.Remove(&v.timers, t.index)
	}
	if t.ch != nil { // drop a stale tick, as time.Timer does since Go 1.23
		select {
		case <-t.ch:
		default:
		}
	}
	v.seq++
	t.when, t.seq = v.now.Add(max(d, 0)), v.seq
	heap.Push(&v.timers, t)
	return active
}

// timerHeap orders timers by deadline, then by creation order.
type timerHeap []*virtualTimer

func (h timerHeap) Len() int { return len(h) }
func (h timerHeap) Less(i, j int) bool {
	if h[i].when.Equal(h[j].when) {
		return h[i].seq < h[j].seq
	}
	return h[i].when.Before(h[j].when)
}
func (h timerHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index, h[j].index = i, j
}
func (h *timerHeap) Push(x any) {
	t := x.(*virtualTimer)
	t.index = len(*h)
	*h = append(*h, t)
}
func (h *timerHeap) Pop() any {
	old := *h
	t := old[len(old)-1]
	old[len(old)-1] = nil
	*h = old[:len(old)-1]
	return t
}
