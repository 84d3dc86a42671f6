package pool_test

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/pool"
	"github.com/concurrency-patterns/playground/patterns/task"
)

// §6: size 5, max_overflow 10, checkout blocking up to 5000 ms, a
// non-blocking form that returns full.
func TestDefaultsArePoolboys(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		f := newFactory()
		p, _ := newPool(t, f)
		made, _, _ := f.counts()
		assert.Equal(t, 5, made, "size workers are started at once")
		assert.Equal(t, pool.Status{State: pool.Ready, Available: 5}, p.Status())

		ws := take(t, p, 15)
		assert.Equal(t, pool.Status{State: pool.Full, Overflow: 10, CheckedOut: 15}, p.Status())
		_, err := p.TryCheckout(t.Context())
		assert.ErrorIs(t, err, pool.ErrFull)

		start := time.Now()
		_, err = p.Checkout(t.Context())
		assert.Equal(t, 5*time.Second, time.Since(start))
		assert.ErrorIs(t, err, pool.ErrTimeout)
		assert.ErrorIs(t, err, task.ErrTimeout)
		for _, w := range ws {
			p.Checkin(w)
		}
		assert.Equal(t, pool.Status{State: pool.Ready, Available: 5}, p.Status(), "overflow dismissed")
		p.Close()
	})
}

// §6: overflow workers are created on demand and dismissed on check-in when
// nobody waits; status reports state, available, overflow and checked out.
func TestOverflowAndStatus(t *testing.T) {
	type step struct {
		do   string // "out" checks one out, "in" checks in the latest
		want pool.Status
	}
	cases := []struct {
		name        string
		size, extra int
		steps       []step
	}{
		{"size 2, overflow 2", 2, 2, []step{
			{"out", pool.Status{State: pool.Ready, Available: 1, CheckedOut: 1}},
			{"out", pool.Status{State: pool.Overflow, CheckedOut: 2}},
			{"out", pool.Status{State: pool.Overflow, Overflow: 1, CheckedOut: 3}},
			{"out", pool.Status{State: pool.Full, Overflow: 2, CheckedOut: 4}},
			{"in", pool.Status{State: pool.Overflow, Overflow: 1, CheckedOut: 3}},
			{"in", pool.Status{State: pool.Overflow, CheckedOut: 2}},
			{"in", pool.Status{State: pool.Ready, Available: 1, CheckedOut: 1}},
			{"in", pool.Status{State: pool.Ready, Available: 2}},
		}},
		{"no overflow", 1, 0, []step{
			{"out", pool.Status{State: pool.Full, CheckedOut: 1}},
			{"in", pool.Status{State: pool.Ready, Available: 1}},
		}},
		{"overflow only", 0, 2, []step{
			{"out", pool.Status{State: pool.Overflow, Overflow: 1, CheckedOut: 1}},
			{"out", pool.Status{State: pool.Full, Overflow: 2, CheckedOut: 2}},
			{"in", pool.Status{State: pool.Overflow, Overflow: 1, CheckedOut: 1}},
			{"in", pool.Status{State: pool.Overflow}},
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFactory()
			p, _ := newPool(t, f, pool.Size(tc.size), pool.MaxOverflow(tc.extra))
			assert.Equal(t, tc.size, p.Status().Available)
			var held []*pool.Worker[*conn]
			for i, s := range tc.steps {
				if s.do == "out" {
					held = append(held, take(t, p, 1)...)
				} else {
					p.Checkin(held[len(held)-1])
					held = held[:len(held)-1]
				}
				require.Equal(t, s.want, p.Status(), "step %d (%s)", i, s.do)
			}
			_, destroyed, live := f.counts()
			assert.Equal(t, tc.extra, destroyed, "each overflow worker dismissed")
			assert.Equal(t, tc.size, live)
			p.Close()
		})
	}
}

// §6: the strategy says which idle worker is handed out.
func TestStrategy(t *testing.T) {
	cases := []struct {
		name     string
		strategy pool.Strategy
		want     int // lane handed out after lanes 0, 1, 2 are checked in in that order
	}{
		{"lifo hands out the last checked in", pool.LIFO, 2},
		{"fifo hands out the longest idle", pool.FIFO, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p, _ := newPool(t, newFactory(), pool.Size(3), pool.MaxOverflow(0), pool.WithStrategy(tc.strategy))
			first := take(t, p, 1)[0]
			assert.Equal(t, 0, first.Lane(), "a fresh pool hands out lane 0 first")
			p.Checkin(first)
			ws := take(t, p, 3)
			assert.ElementsMatch(t, []int{0, 1, 2}, lanesOf(ws...))
			for _, lane := range []int{0, 1, 2} {
				for _, w := range ws {
					if w.Lane() == lane {
						p.Checkin(w)
					}
				}
			}
			w := take(t, p, 1)[0]
			assert.Equal(t, tc.want, w.Lane())
			p.Checkin(w)
			p.Close()
		})
	}
	assert.Equal(t, "lifo", pool.LIFO.String())
	assert.Equal(t, "fifo", pool.FIFO.String())
}

// §6: checkout blocks up to its timeout: the pool's (5 s by default, on the
// pool's clock) or the context's deadline, whichever comes first.
func TestCheckoutTimeout(t *testing.T) {
	cases := []struct {
		name     string
		opts     []pool.Option
		deadline time.Duration // of the caller's context; 0 for none
		cancelAt time.Duration // when the test cancels the context; 0 never
		wait     time.Duration
		want     error
	}{
		{"default 5 s", nil, 0, 0, 5 * time.Second, pool.ErrTimeout},
		{"pool timeout", []pool.Option{pool.Timeout(150 * time.Millisecond)}, 0, 0, 150 * time.Millisecond, pool.ErrTimeout},
		{"a shorter deadline wins", nil, 40 * time.Millisecond, 0, 40 * time.Millisecond, context.DeadlineExceeded},
		{"a shorter timeout wins over a deadline", []pool.Option{pool.Timeout(50 * time.Millisecond)}, 2 * time.Second, 0, 50 * time.Millisecond, pool.ErrTimeout},
		{"the default timeout wins over a longer deadline", nil, time.Minute, 0, 5 * time.Second, pool.ErrTimeout},
		{"no timeout waits until cancelled", []pool.Option{pool.NoTimeout()}, 0, time.Hour, time.Hour, context.Canceled},
		{"cancelled before the timeout", nil, 0, time.Second, time.Second, context.Canceled},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				opts := append([]pool.Option{pool.Size(1), pool.MaxOverflow(0)}, tc.opts...)
				p, _ := newPool(t, newFactory(), opts...)
				held := take(t, p, 1)[0]
				ctx, cancel := context.WithCancel(t.Context())
				defer cancel()
				if tc.deadline > 0 {
					ctx, cancel = context.WithTimeout(ctx, tc.deadline)
					defer cancel()
				}
				if tc.cancelAt > 0 {
					time.AfterFunc(tc.cancelAt, cancel)
				}
				start := time.Now()
				_, err := p.Checkout(ctx)
				assert.ErrorIs(t, err, tc.want)
				assert.Equal(t, tc.wait, time.Since(start))
				assert.Equal(t, pool.Status{State: pool.Full, CheckedOut: 1}, p.Status(), "the caller left the queue")
				p.Checkin(held)
				p.Close()
			})
		})
	}
}
