package pool_test

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/internal/faulttest"
	"github.com/concurrency-patterns/playground/patterns/pool"
)

// A hook that panics on one kind of event, every time, leaves the pool
// working: no call panics (nor the checkout timer's goroutine), no lock
// stays held, and the hook hears of each panic right after the event.
func TestAHookThatPanicsLeavesThePoolWorking(t *testing.T) {
	if !event.Enabled {
		t.Skip("built without hooks")
	}
	kinds := []event.Kind{event.WorkerStarted, event.WorkerReplaced, event.OverflowStarted, event.StartFailed,
		event.CheckedOut, event.CheckoutWaiting, event.CheckoutFailed, event.CheckedIn,
		event.OverflowDismissed, event.WorkerDied, event.WorkerStopped}
	for _, kind := range kinds {
		t.Run(kind.String(), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				tr := &trace{}
				f := newFactory()
				f.failAt[2] = errDial // the pool's replacement of the discarded worker
				f.failAt[3] = errDial // then a checkout's
				var p *pool.Pool[*conn]
				calm := func(step func()) { require.Nil(t, faulttest.Escaped(step)) }
				calm(func() {
					var err error
					p, err = pool.New(t.Context(), f.create, f.destroy, pool.Size(1), pool.MaxOverflow(1), pool.Timeout(time.Second),
						pool.WithHook(func(e event.Event) {
							tr.Hook(e)
							if e.Kind == kind {
								panic("hook trouble")
							}
						}))
					require.NoError(t, err)
				})
				var ws [2]*pool.Worker[*conn]
				calm(func() { ws = [2]*pool.Worker[*conn](take(t, p, 2)) }) // the second is an overflow worker
				waiter := make(chan any, 1)
				go func() {
					waiter <- faulttest.Escaped(func() {
						_, err := p.Checkout(t.Context())
						assert.ErrorIs(t, err, pool.ErrTimeout)
					})
				}()
				time.Sleep(2 * time.Second) // the timer fails the waiter
				require.Nil(t, <-waiter)
				calm(func() { p.Checkin(ws[1]) })      // dismissed
				calm(func() { p.Discard(ws[0], nil) }) // its replacement fails to start
				calm(func() {
					_, err := p.Checkout(t.Context()) // so does this one
					assert.ErrorIs(t, err, errDial)
				})
				calm(func() { p.Checkin(take(t, p, 1)[0]) })
				assert.Equal(t, pool.Status{State: pool.Ready, Available: 1}, p.Status())
				calm(p.Close)
				assert.Equal(t, pool.Status{State: pool.Closed}, p.Status())
				_, _, live := f.counts()
				assert.Zero(t, live)

				panics, untold := faulttest.Untold(tr.All(), kind)
				assert.Empty(t, untold, "each panic is told at once")
				assert.Positive(t, panics, "the scenario reaches %s", kind)
			})
		})
	}
}
