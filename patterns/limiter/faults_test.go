package limiter_test

import (
	"context"
	"errors"
	"math/rand/v2"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/internal/faulttest"
	"github.com/concurrency-patterns/playground/patterns/limiter"
)

// outcomes counts how the calls ended; every call ends exactly one way.
type outcomes struct {
	calls, served, gaveUp, full, panicked atomic.Int64
	holding, over, late, wrongErr         atomic.Int64
}

// Under faults, in each of many random workloads: faulttest.Callers
// goroutines call the limiter for faulttest.Span of virtual time, with
// random contexts (none, a deadline, a cancellation, already cancelled),
// functions that panic or fail, and a hook that panics, yields or blocks.
// No slot is lost or counted twice, every call is served or gives up with
// its context's error, and no goroutine is left behind.
func TestUnderFaults(t *testing.T) {
	for seed := range faulttest.Workloads() {
		t.Run(strconv.Itoa(seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(uint64(seed), 17))
			max := 1 + r.IntN(1000)
			hooked := seed%4 != 3 // one workload in four takes the lock-free paths
			var out outcomes
			var faults *faulttest.Hook
			model := newSlotModel(max)
			synctest.Test(t, func(t *testing.T) {
				var opts []limiter.Option
				if hooked {
					faults = faulttest.NewHook(uint64(seed), model.observe, 2+r.IntN(50), 1+r.IntN(20), r.IntN(3))
					opts = append(opts, limiter.WithHook(faults.Observe))
				}
				l, err := limiter.New(max, opts...)
				require.NoError(t, err)
				var wg sync.WaitGroup
				for i := range faulttest.Callers {
					wg.Go(func() { hammer(t, l, uint64(seed)<<20|uint64(i), 1<<40+i<<16, &out) })
				}
				wg.Wait()
				assert.Equal(t, limiter.Status{}, l.Status(), "every slot came back")
				for i := range max {
					require.True(t, l.TryAcquire(), "slot %d is free", i)
				}
				assert.False(t, l.TryAcquire(), "no slot more than max")
				for range max {
					l.Release()
				}
				if faults != nil {
					faults.Close()
				}
			})
			goleak.VerifyNone(t, goleak.IgnoreAnyFunction("runtime.handleEvent")) // js/wasm's own
			assert.Zero(t, out.over.Load(), "more holders than max")
			assert.Zero(t, out.late.Load(), "served after the context ended")
			assert.Zero(t, out.wrongErr.Load(), "gave up with an error that is not the context's")
			assert.Equal(t, out.calls.Load(), out.served.Load()+out.gaveUp.Load()+out.full.Load(), "every call served or gave up")
			line := "max=%d calls=%d served=%d gave_up=%d full=%d panicked=%d"
			args := []any{max, out.calls.Load(), out.served.Load(), out.gaveUp.Load(), out.full.Load(), out.panicked.Load()}
			if faults != nil {
				model.check(t)
				assert.Zero(t, faults.Overlaps.Load(), "hook calls overlapped")
				assert.Zero(t, faults.Wrong.Load(), "a hook panic without its news")
				line += " events=%d hook_panics=%d told=%d"
				args = append(args, model.events, faults.Panics.Load(), faults.Told.Load())
			}
			t.Logf(line, args...)
		})
	}
}

// hammer is one caller's life: a call after another until the span ends.
func hammer(t *testing.T, l *limiter.Limiter, seed uint64, id int, out *outcomes) {
	r := rand.New(rand.NewPCG(seed, 3))
	start := time.Now()
	for time.Since(start) < faulttest.Span {
		time.Sleep(time.Duration(r.IntN(1000)) * time.Millisecond)
		ctx, deadline, cancel := faulttest.Context(r, limiter.WithCaller(t.Context(), id), 500*time.Millisecond)
		id++
		hold := time.Duration(r.IntN(100)) * time.Millisecond
		work := func() {
			if !deadline.IsZero() && time.Now().After(deadline) {
				out.late.Add(1)
			}
			if int(out.holding.Add(1)) > l.Max() {
				out.over.Add(1)
			}
			time.Sleep(hold)
			out.holding.Add(-1)
		}
		out.calls.Add(1)
		var err error
		switch r.IntN(3) {
		case 0:
			if err = l.Acquire(ctx); err == nil {
				work()
				l.Release()
			}
		case 1:
			err = doMaybePanicking(l, ctx, work, r.IntN(8) == 0, out)
		default:
			if !l.TryAcquire() {
				out.full.Add(1)
				cancel()
				continue
			}
			work()
			l.Release()
		}
		switch {
		case err == nil:
			out.served.Add(1)
		case errors.Is(err, errOwnFailure):
			out.served.Add(1)
		case err == ctx.Err():
			out.gaveUp.Add(1)
		default:
			out.wrongErr.Add(1)
		}
		cancel()
	}
}

var errOwnFailure = errors.New("the function failed")

// doMaybePanicking calls Do with a function that works, then panics or
// fails; a panic comes back to the caller, and is counted.
func doMaybePanicking(l *limiter.Limiter, ctx context.Context, work func(), panics bool, out *outcomes) (err error) {
	defer func() {
		if p := recover(); p != nil {
			if p != "crash" {
				panic(p)
			}
			out.panicked.Add(1)
			err = nil // it was served
		}
	}()
	return l.Do(ctx, func(context.Context) error {
		work()
		if panics {
			panic("crash")
		}
		return errOwnFailure
	})
}

// slotModel replays a hooked limiter's events as they come (the hook is
// never called twice at once): never more than max held, a Do caller's
// slot never held twice, and each waiter ends once, granted or gone.
type slotModel struct {
	max, active, events int
	slots               map[int]bool // Do slots held
	waiting             map[int]bool // callers in the queue
	bad                 faulttest.Findings
}

func newSlotModel(max int) *slotModel {
	return &slotModel{max: max, slots: map[int]bool{}, waiting: map[int]bool{}}
}

func (m *slotModel) observe(e event.Event) {
	m.events++
	switch e.Kind {
	case event.Queued:
		m.bad.Expect(!m.waiting[e.ID], e, "queued twice")
		m.waiting[e.ID] = true
	case event.Granted:
		m.bad.Expect(m.waiting[e.ID], e, "granted without waiting")
		delete(m.waiting, e.ID)
		m.take(e)
	case event.Acquired:
		m.take(e)
	case event.GaveUp:
		delete(m.waiting, e.ID)
	case event.Released:
		m.active--
		if e.Slot >= 0 {
			m.bad.Expect(m.slots[e.Slot], e, "released a slot not held")
			delete(m.slots, e.Slot)
		}
	}
	m.bad.Expect(m.active >= 0 && m.active <= m.max, e, "active out of range")
}

func (m *slotModel) take(e event.Event) {
	m.active++
	if e.Slot >= 0 {
		m.bad.Expect(!m.slots[e.Slot], e, "slot held twice")
		m.slots[e.Slot] = true
	}
}

func (m *slotModel) check(t *testing.T) {
	t.Helper()
	assert.Empty(t, m.bad)
	assert.Zero(t, m.active, "slots held at the end")
	assert.Empty(t, m.slots, "numbered slots held at the end")
	assert.Empty(t, m.waiting, "waiters neither granted nor gone")
}
