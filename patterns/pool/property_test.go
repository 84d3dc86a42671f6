package pool_test

import (
	"context"
	"errors"
	"math/rand/v2"
	"slices"
	"strconv"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/pool"
)

// A caller of the random workload.
type caller struct {
	id       int
	arrive   time.Duration
	how      string        // "checkout", "try" or "transaction"
	deadline time.Duration // of its context; 0 for none
	hold     time.Duration
	end      string // "checkin", "discard", "broken" or "panic"

	served bool
	err    error
	waited time.Duration
}

type workload struct {
	size, extra int
	strategy    pool.Strategy
	timeout     time.Duration // the pool's; 0 for NoTimeout
	failAt      map[int]error // constructor calls that fail
	callers     []*caller
}

func ms(n int) time.Duration { return time.Duration(n) * time.Millisecond }

func randomWorkload(r *rand.Rand) workload {
	w := workload{size: r.IntN(4), extra: r.IntN(4), strategy: pool.Strategy(r.IntN(2)), failAt: map[int]error{}}
	if w.size+w.extra == 0 {
		w.size = 1
	}
	if r.IntN(3) > 0 {
		w.timeout = ms(1 + r.IntN(60))
	}
	for i := range 40 {
		if i >= w.size && r.IntN(10) == 0 { // New's own workers start fine
			w.failAt[i] = errDial
		}
	}
	w.callers = make([]*caller, 1+r.IntN(30))
	for i := range w.callers {
		c := &caller{id: i, arrive: ms(r.IntN(100)), hold: ms(r.IntN(40))}
		c.how = []string{"checkout", "checkout", "transaction", "try"}[r.IntN(4)]
		c.end = []string{"checkin", "checkin", "checkin", "discard", "broken", "panic"}[r.IntN(6)]
		if r.IntN(10) < 3 {
			c.deadline = ms(1 + r.IntN(60))
		}
		w.callers[i] = c
	}
	return w
}

// run plays one caller and records its fate.
func (c *caller) run(t *testing.T, p *pool.Pool[*conn]) {
	time.Sleep(c.arrive)
	ctx := pool.WithCaller(t.Context(), c.id)
	if c.deadline > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, c.deadline)
		defer cancel()
	}
	start := time.Now()
	defer func() { c.waited = min(c.waited, time.Since(start)) }()
	c.waited = time.Hour
	switch c.how {
	case "transaction":
		defer func() {
			if r := recover(); r != nil {
				assert.Equal(t, "crash "+strconv.Itoa(c.id), r)
			}
		}()
		c.err = p.Transaction(ctx, func(context.Context, *conn) error {
			c.served, c.waited = true, time.Since(start)
			time.Sleep(c.hold)
			switch c.end {
			case "panic":
				panic("crash " + strconv.Itoa(c.id))
			case "broken", "discard":
				return pool.ErrBroken
			}
			return nil
		})
		if errors.Is(c.err, pool.ErrBroken) {
			c.err = nil
		}
	default:
		var w *pool.Worker[*conn]
		if c.how == "try" {
			w, c.err = p.TryCheckout(ctx)
		} else {
			w, c.err = p.Checkout(ctx)
		}
		if c.err != nil {
			return
		}
		c.served, c.waited = true, time.Since(start)
		time.Sleep(c.hold)
		if c.end == "checkin" {
			p.Checkin(w)
		} else {
			p.Discard(w, errors.New(c.end))
		}
	}
}

func TestInvariantsOverManySeeds(t *testing.T) {
	for seed := range 200 {
		t.Run(strconv.Itoa(seed), func(t *testing.T) {
			wl := randomWorkload(rand.New(rand.NewPCG(uint64(seed), 6)))
			f := newFactory()
			f.failAt = wl.failAt
			opts := []pool.Option{pool.Size(wl.size), pool.MaxOverflow(wl.extra), pool.WithStrategy(wl.strategy), pool.NoTimeout()}
			if wl.timeout > 0 {
				opts = append(opts, pool.Timeout(wl.timeout))
			}
			var tr *trace
			synctest.Test(t, func(t *testing.T) {
				var p *pool.Pool[*conn]
				p, tr = newPool(t, f, opts...)
				var wg sync.WaitGroup
				for _, c := range wl.callers {
					wg.Go(func() { c.run(t, p) })
				}
				wg.Wait() // a lost worker would leave a waiter blocked: synctest reports the deadlock
				st := p.Status()
				assert.Zero(t, st.CheckedOut)
				assert.Zero(t, st.Waiting)
				assert.Zero(t, st.Overflow, "overflow workers were dismissed")
				assert.LessOrEqual(t, st.Available, wl.size)
				if !slices.ContainsFunc(tr.All(), func(e event.Event) bool { return e.Kind == event.StartFailed }) {
					assert.Equal(t, wl.size, st.Available, "every dead worker was replaced at once")
				}
				p.Close()
			})
			made, destroyed, live := f.counts()
			assert.LessOrEqual(t, f.peak, wl.size+wl.extra, "more live workers than size + max_overflow")
			assert.Zero(t, live, "every worker destroyed after Close")
			failed := 0
			for n := range made {
				if wl.failAt[n] != nil {
					failed++
				} else {
					assert.Equal(t, 1, f.destroyed[n], "worker %d destroyed once", n)
				}
			}
			assert.Equal(t, made-failed, destroyed)
			checkCallers(t, wl)
			checkTrace(t, wl, tr.All())
		})
	}
}

// checkCallers checks each caller's fate against its time limits: its
// context's deadline and the pool's timeout, the earlier of the two. When
// both fall at the same instant, either may win.
func checkCallers(t *testing.T, wl workload) {
	t.Helper()
	for _, c := range wl.callers {
		limit := c.deadline
		if limit == 0 || wl.timeout > 0 && wl.timeout < limit {
			limit = wl.timeout
		}
		switch {
		case c.served:
			assert.NoError(t, c.err, "caller %d", c.id)
			if limit > 0 {
				assert.LessOrEqual(t, c.waited, limit, "caller %d served after its time", c.id)
			}
		case errors.Is(c.err, pool.ErrFull):
			assert.Equal(t, "try", c.how)
			assert.Zero(t, c.waited, "TryCheckout never waits")
		case errors.Is(c.err, errDial):
		case errors.Is(c.err, context.DeadlineExceeded):
			assert.Equal(t, c.deadline, limit, "caller %d: its deadline came first", c.id)
			assert.Equal(t, c.deadline, c.waited, "caller %d", c.id)
		default:
			require.Positive(t, wl.timeout, "caller %d failed with no time limit: %v", c.id, c.err)
			assert.ErrorIs(t, c.err, pool.ErrTimeout, "caller %d", c.id)
			assert.Equal(t, wl.timeout, limit, "caller %d: the pool's timeout came first", c.id)
			assert.Equal(t, wl.timeout, c.waited, "caller %d", c.id)
		}
	}
}
