package pool_test

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

	"github.com/concurrency-patterns/playground/patterns/internal/faulttest"
	"github.com/concurrency-patterns/playground/patterns/pool"
)

// outcomes counts how the calls ended; every call ends exactly one way.
type outcomes struct {
	calls, served, full, timedOut, gaveUp, closed, dialFailed, ctorPanicked atomic.Int64
	callerPanicked, dtorPanicked, held, over, double, late, wrongErr        atomic.Int64
}

// Under faults, in each of many random workloads: faulttest.Callers
// goroutines use the pool for faulttest.Span of virtual time, with random
// contexts, constructors that are slow, fail or panic, destructors that
// are slow or panic, callers that panic inside a Transaction or discard
// their worker, and a hook that panics, yields or blocks; half the
// workloads close the pool while it is busy. No lane or worker is lost or
// lent twice, every call ends in one documented way, every worker made is
// destroyed once, and no goroutine is left behind.
func TestUnderFaults(t *testing.T) {
	for seed := range faulttest.Workloads() {
		t.Run(strconv.Itoa(seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(uint64(seed), 23))
			size, extra := r.IntN(300), r.IntN(300)
			if size+extra == 0 {
				size = 1
			}
			opts := []pool.Option{pool.Size(size), pool.MaxOverflow(extra), pool.WithStrategy(pool.Strategy(r.IntN(2)))}
			var timeout time.Duration
			if seed%3 != 2 { // two workloads in three have a checkout timeout
				timeout = time.Duration(1+r.IntN(400)) * time.Millisecond
				opts = append(opts, pool.Timeout(timeout))
			} else {
				opts = append(opts, pool.NoTimeout())
			}
			closeEarly := seed%2 == 1
			var out outcomes
			model := newLaneModel(size + extra)
			f := &lines{seed: uint64(seed)}
			var faults *faulttest.Hook
			synctest.Test(t, func(t *testing.T) {
				faults = faulttest.NewHook(uint64(seed), model.observe, 2+r.IntN(50), 1+r.IntN(20), r.IntN(3))
				p, err := pool.New(t.Context(), f.create, f.destroy, append(opts, pool.WithHook(faults.Observe))...)
				require.NoError(t, err)
				f.faulty.Store(true)
				var wg sync.WaitGroup
				for i := range faulttest.Callers {
					wg.Go(func() { use(t, p, uint64(seed)<<20|uint64(i), i<<16, size+extra, &out) })
				}
				if closeEarly {
					time.Sleep(faulttest.Span - time.Duration(r.IntN(1000))*time.Millisecond)
					_ = calm(&out, func() error { p.Close(); return nil }) // a destructor may panic
				}
				wg.Wait()
				f.faulty.Store(false)
				if !closeEarly {
					st := p.Status()
					assert.Equal(t, pool.Status{State: st.State, Available: st.Available}, st, "nothing out, waiting or above size")
					assert.LessOrEqual(t, st.Available, size)
					ws := make([]*pool.Worker[*line], size+extra)
					for i := range ws {
						ws[i], err = p.TryCheckout(t.Context())
						require.NoError(t, err, "worker %d: no capacity lost", i)
					}
					_, err = p.TryCheckout(t.Context())
					assert.ErrorIs(t, err, pool.ErrFull, "no capacity more than size + max overflow")
					for _, w := range ws {
						p.Checkin(w)
					}
					p.Close()
				}
				assert.Equal(t, pool.Status{State: pool.Closed}, p.Status())
				faults.Close()
			})
			goleak.VerifyNone(t, goleak.IgnoreAnyFunction("runtime.handleEvent")) // js/wasm's own
			made, destroyed, failed, peak := f.counts()
			assert.Equal(t, made-failed, destroyed, "every worker made was destroyed")
			assert.Zero(t, f.twice.Load(), "a worker destroyed twice")
			assert.LessOrEqual(t, peak, int64(size+extra), "more live workers than size + max overflow")
			assert.Zero(t, out.over.Load(), "more workers held than size + max overflow")
			assert.Zero(t, out.double.Load(), "a worker lent to two callers at once")
			assert.Zero(t, out.late.Load(), "served after the context's deadline")
			assert.Zero(t, out.wrongErr.Load(), "an error that is none of the documented ones")
			ended := out.served.Load() + out.full.Load() + out.timedOut.Load() + out.gaveUp.Load() +
				out.closed.Load() + out.dialFailed.Load() + out.ctorPanicked.Load() + out.dtorPanicked.Load()
			assert.Equal(t, out.calls.Load(), ended, "every call served or failed")
			model.check(t)
			assert.Zero(t, faults.Overlaps.Load(), "hook calls overlapped")
			assert.Zero(t, faults.Wrong.Load(), "a hook panic without its news")
			t.Logf("size=%d overflow=%d timeout=%v closed_early=%v calls=%d served=%d full=%d timed_out=%d gave_up=%d closed=%d "+
				"dial_failed=%d ctor_panics=%d caller_panics=%d dtor_panics=%d workers=%d events=%d hook_panics=%d told=%d",
				size, extra, timeout, closeEarly, out.calls.Load(), out.served.Load(), out.full.Load(), out.timedOut.Load(),
				out.gaveUp.Load(), out.closed.Load(), out.dialFailed.Load(), out.ctorPanicked.Load(),
				out.callerPanicked.Load(), out.dtorPanicked.Load(), made, model.events, faults.Panics.Load(), faults.Told.Load())
		})
	}
}

// use is one caller's life: a call after another until the span ends.
func use(t *testing.T, p *pool.Pool[*line], seed uint64, id, bound int, out *outcomes) {
	r := rand.New(rand.NewPCG(seed, 5))
	start := time.Now()
	for time.Since(start) < faulttest.Span {
		time.Sleep(time.Duration(r.IntN(1000)) * time.Millisecond)
		ctx, deadline, cancel := faulttest.Context(r, pool.WithCaller(t.Context(), id), 500*time.Millisecond)
		id++
		hold := time.Duration(r.IntN(100)) * time.Millisecond
		work := func(l *line) {
			if !deadline.IsZero() && time.Now().After(deadline) {
				out.late.Add(1)
			}
			if !l.held.CompareAndSwap(false, true) {
				out.double.Add(1)
			}
			if int(out.held.Add(1)) > bound {
				out.over.Add(1)
			}
			time.Sleep(hold)
			out.held.Add(-1)
			l.held.Store(false)
		}
		out.calls.Add(1)
		out.count(ctx, calm(out, func() error {
			switch r.IntN(3) {
			case 0:
				return p.Transaction(ctx, func(_ context.Context, l *line) error {
					work(l)
					switch r.IntN(8) {
					case 0:
						panic("caller trouble")
					case 1:
						return pool.ErrBroken
					}
					return nil
				})
			default:
				checkout := p.Checkout
				if r.IntN(2) == 0 {
					checkout = p.TryCheckout
				}
				w, err := checkout(ctx)
				if err != nil {
					return err
				}
				work(w.Value())
				if r.IntN(6) == 0 {
					p.Discard(w, errors.New("worn out"))
				} else {
					p.Checkin(w)
				}
				return nil
			}
		}))
		cancel()
	}
}

// calm runs a call and turns the panics it lets through into outcomes: a
// constructor's or a destructor's ends the call; a caller's comes after it
// was served.
func calm(out *outcomes, call func() error) (err error) {
	defer func() {
		switch p := recover(); p {
		case nil:
		case "constructor trouble":
			err = errCtorPanicked
		case "destructor trouble":
			err = errDtorPanicked
		case "caller trouble":
			out.callerPanicked.Add(1)
		default:
			panic(p)
		}
	}()
	return call()
}

var (
	errCtorPanicked = errors.New("the constructor panicked")
	errDtorPanicked = errors.New("the destructor panicked")
)

func (out *outcomes) count(ctx context.Context, err error) {
	switch {
	case err == nil, errors.Is(err, pool.ErrBroken):
		out.served.Add(1)
	case errors.Is(err, pool.ErrFull):
		out.full.Add(1)
	case errors.Is(err, pool.ErrTimeout):
		out.timedOut.Add(1)
	case errors.Is(err, pool.ErrClosed):
		out.closed.Add(1)
	case errors.Is(err, errDial):
		out.dialFailed.Add(1)
	case errors.Is(err, errCtorPanicked):
		out.ctorPanicked.Add(1)
	case errors.Is(err, errDtorPanicked):
		out.dtorPanicked.Add(1)
	case ctx.Err() != nil && err == ctx.Err():
		out.gaveUp.Add(1)
	default:
		out.wrongErr.Add(1)
	}
}
