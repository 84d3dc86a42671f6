package faulttest

import (
	"errors"
	"math/rand/v2"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/concurrency-patterns/playground/patterns/event"
)

// Hook is a hook that misbehaves as a user's hook might: at random it
// panics, yields the processor, or blocks on a hand-off to a goroutine of
// its own. It passes every event to an inner hook first, and checks the
// pattern's side of the bargain: calls never overlap, and each panic is
// followed at once by the news of it. It is for patterns that never call
// their hook from two goroutines at once, such as the limiter and the pool.
type Hook struct {
	inner            event.Hook
	panicIn, blockIn int // one event in n; 0 never
	yieldUpTo        int
	rand             *rand.Rand // only used inside Observe, whose calls never overlap
	panicked         *event.Event
	gate             chan struct{}
	done             sync.WaitGroup
	busy             atomic.Bool

	Panics   atomic.Int64 // panics thrown
	Told     atomic.Int64 // hook_panicked events that named the right event; panics on those are not told
	Overlaps atomic.Int64 // calls that began while another was running
	Wrong    atomic.Int64 // panics not followed by their news, or news of nothing
}

// NewHook returns a hook that passes events to inner and then panics on
// one event in panicIn, blocks on one in blockIn, and yields up to
// yieldUpTo times on each. Call Close once the pattern is done with it.
func NewHook(seed uint64, inner event.Hook, panicIn, blockIn, yieldUpTo int) *Hook {
	f := &Hook{inner: inner, panicIn: panicIn, blockIn: blockIn, yieldUpTo: yieldUpTo,
		rand: rand.New(rand.NewPCG(seed, 11)), gate: make(chan struct{})}
	f.done.Go(func() {
		for range f.gate { // the other end of every hand-off
		}
	})
	return f
}

var errHookTrouble = errors.New("faulttest: hook trouble")

// Observe is the misbehaving hook.
func (f *Hook) Observe(e event.Event) {
	if !f.busy.CompareAndSwap(false, true) {
		f.Overlaps.Add(1)
	}
	defer f.busy.Store(false)
	f.check(e)
	if f.inner != nil {
		f.inner(e)
	}
	for range f.rand.IntN(f.yieldUpTo + 1) {
		runtime.Gosched()
	}
	if f.blockIn > 0 && f.rand.IntN(f.blockIn) == 0 {
		f.gate <- struct{}{}
	}
	if f.panicIn > 0 && f.rand.IntN(f.panicIn) == 0 {
		f.Panics.Add(1)
		if e.Kind != event.HookPanicked { // news of that would go no further
			f.panicked = &e
		}
		panic(errHookTrouble)
	}
}

// check matches a hook_panicked event with the panic it reports.
func (f *Hook) check(e event.Event) {
	was := f.panicked
	f.panicked = nil
	if e.Kind != event.HookPanicked {
		if was != nil {
			f.Wrong.Add(1) // the news did not follow
		}
		return
	}
	var hp *event.HookPanic
	if was == nil || !errors.As(e.Err, &hp) || hp.Event != *was || !errors.Is(e.Err, errHookTrouble) {
		f.Wrong.Add(1)
		return
	}
	f.Told.Add(1)
}

// Close stops the goroutine at the other end of the hand-offs, and counts
// a last panic whose news never came.
func (f *Hook) Close() {
	close(f.gate)
	f.done.Wait()
	if f.panicked != nil {
		f.Wrong.Add(1)
	}
}
