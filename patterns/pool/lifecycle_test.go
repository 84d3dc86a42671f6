package pool_test

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/clock"
	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/pool"
)

func TestGivingBackWhatIsNotHeldPanics(t *testing.T) {
	other, _ := newPool(t, newFactory(), pool.Size(1))
	defer other.Close()
	foreign := take(t, other, 1)[0]
	defer other.Checkin(foreign)
	cases := []struct {
		name string
		give func(*pool.Pool[*conn], *pool.Worker[*conn])
		want string
	}{
		{"checkin twice", (*pool.Pool[*conn]).Checkin, "pool: Checkin of a worker that is not checked out of this pool"},
		{"discard after checkin", func(p *pool.Pool[*conn], w *pool.Worker[*conn]) { p.Discard(w, nil) },
			"pool: Discard of a worker that is not checked out of this pool"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p, _ := newPool(t, newFactory(), pool.Size(1))
			w := take(t, p, 1)[0]
			p.Checkin(w)
			before := p.Status()
			assert.PanicsWithValue(t, tc.want, func() { tc.give(p, w) })
			assert.PanicsWithValue(t, tc.want, func() { tc.give(p, nil) })
			assert.PanicsWithValue(t, tc.want, func() { tc.give(p, foreign) }, "another pool's worker")
			assert.Equal(t, before, p.Status(), "the panics changed nothing")
			p.Close()
		})
	}
}

func TestClose(t *testing.T) {
	t.Run("idle workers go now, lent ones when they come back", func(t *testing.T) {
		f := newFactory()
		p, tr := newPool(t, f, pool.Size(3), pool.MaxOverflow(0))
		ws := take(t, p, 2)
		p.Close()
		_, destroyed, _ := f.counts()
		assert.Equal(t, 1, destroyed, "the idle one")
		_, err := p.Checkout(t.Context())
		assert.ErrorIs(t, err, pool.ErrClosed)
		_, err = p.TryCheckout(t.Context())
		assert.ErrorIs(t, err, pool.ErrClosed)
		p.Checkin(ws[0])
		p.Discard(ws[1], nil)
		made, destroyed, live := f.counts()
		assert.Equal(t, []int{3, 3, 0}, []int{made, destroyed, live}, "every worker destroyed once")
		assert.Zero(t, p.Status().CheckedOut)
		p.Close() // again: nothing
		assert.Equal(t, []string{"worker_stopped - 2", "checkout_failed 2 -", "checkout_failed 3 -",
			"checked_in 0 0", "worker_stopped - 0", "worker_died 1 1"}, tr.Steps()[5:])
	})
	t.Run("waiters fail", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			f := newFactory()
			p, _ := newPool(t, f, pool.Size(1), pool.MaxOverflow(0))
			held := take(t, p, 1)[0]
			waiter := goCheckout(t.Context(), p, 8)
			p.Close()
			_, err := waiter.wait()
			assert.ErrorIs(t, err, pool.ErrClosed)
			assert.Zero(t, p.Status().Waiting)
			p.Checkin(held)
			_, _, live := f.counts()
			assert.Zero(t, live)
		})
	})
}

// The worker arrives at the very instant the checkout timeout fires: on a
// virtual clock the check-in (a channel timer) runs first, and the worker
// wins, as a reply beats a timeout in the stream package.
func TestAWorkerArrivingAsTheTimeoutFiresWins(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		clk := clock.NewVirtual()
		p, _ := newPool(t, newFactory(), pool.Size(1), pool.MaxOverflow(0),
			pool.Timeout(100*time.Millisecond), pool.WithClock(clk))
		held := take(t, p, 1)[0]
		go func() {
			_ = clock.Sleep(t.Context(), clk, 100*time.Millisecond)
			p.Checkin(held)
		}()
		waiter := goCheckout(t.Context(), p, 1)
		for clk.Step() {
			synctest.Wait()
		}
		w, err := waiter.wait()
		require.NoError(t, err)
		assert.Equal(t, 100*time.Millisecond, clk.Elapsed())
		p.Checkin(w)
		p.Close()
	})
}

// A worker, or a dead worker's lane, reaches a waiter whose context ends at
// the same moment: the hook cancels it from inside the hand-over. The
// caller gets its context's error and what it was handed goes to the next
// waiter, or back to the pool.
func TestServedAsTheContextEnds(t *testing.T) {
	cases := []struct {
		name    string
		handed  event.Kind // the event of the hand-over to caller 1
		giveUp  func(*pool.Pool[*conn], *pool.Worker[*conn])
		alone   pool.Status // when nobody waits behind caller 1
		created int         // workers made in all, with a caller behind
	}{
		{"a worker", event.CheckedOut, (*pool.Pool[*conn]).Checkin,
			pool.Status{State: pool.Ready, Available: 1}, 1},
		{"a dead worker's lane", event.WorkerReplaced, func(p *pool.Pool[*conn], w *pool.Worker[*conn]) { p.Discard(w, nil) },
			pool.Status{State: pool.Ready, Available: 1}, 2}, // the pool refills the lane the caller left
	}
	for _, tc := range cases {
		for _, next := range []bool{true, false} {
			t.Run(tc.name+map[bool]string{true: ", a waiter behind", false: ", nobody behind"}[next], func(t *testing.T) {
				for range 30 { // the waiter's select may wake on either channel
					synctest.Test(t, func(t *testing.T) {
						ctx, cancel := context.WithCancel(t.Context())
						f := newFactory()
						p, err := pool.New(t.Context(), f.create, f.destroy, pool.Size(1), pool.MaxOverflow(0),
							pool.WithHook(func(e event.Event) {
								if e.Kind == tc.handed && e.ID == 1 {
									cancel()
								}
							}))
						require.NoError(t, err)
						held := take(t, p, 1)[0]
						first := goCheckout(ctx, p, 1)
						var second *checkout
						if next {
							second = goCheckout(t.Context(), p, 2)
						}
						tc.giveUp(p, held)
						_, err = first.wait()
						require.ErrorIs(t, err, context.Canceled)
						synctest.Wait()
						if !next {
							assert.Equal(t, tc.alone, p.Status(), "nothing lost")
							p.Close()
							return
						}
						w, err := second.wait()
						require.NoError(t, err, "it moved on")
						p.Checkin(w)
						assert.Equal(t, pool.Status{State: pool.Ready, Available: 1}, p.Status())
						made, _, _ := f.counts()
						assert.Equal(t, tc.created, made)
						p.Close()
					})
				}
			})
		}
	}
}
