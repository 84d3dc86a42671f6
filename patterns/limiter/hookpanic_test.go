package limiter_test

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/internal/faulttest"
	"github.com/concurrency-patterns/playground/patterns/limiter"
)

// A hook that panics on one kind of event, every time, leaves the limiter
// working: no call panics, no lock stays held, every slot comes back, and
// the hook hears of each panic right after the event it panicked on.
func TestAHookThatPanicsLeavesTheLimiterWorking(t *testing.T) {
	if !event.Enabled {
		t.Skip("built without hooks")
	}
	for _, kind := range []event.Kind{event.Acquired, event.Queued, event.Granted, event.Released, event.GaveUp} {
		t.Run(kind.String(), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				tr := &trace{}
				l, err := limiter.New(1, limiter.WithHook(func(e event.Event) {
					tr.Hook(e)
					if e.Kind == kind {
						panic("hook trouble")
					}
				}))
				require.NoError(t, err)
				ctx := t.Context()
				require.Nil(t, faulttest.Escaped(func() { require.NoError(t, l.Acquire(ctx)) }))
				require.Nil(t, faulttest.Escaped(func() { assert.False(t, l.TryAcquire()) }))

				// One waiter times out, one is granted the slot.
				late, cancel := context.WithTimeout(ctx, time.Second)
				defer cancel()
				timedOut := make(chan any, 1)
				go func() { timedOut <- faulttest.Escaped(func() { assert.Error(t, l.Acquire(late)) }) }()
				served := make(chan any, 1)
				go func() {
					time.Sleep(time.Millisecond) // queue behind the first
					served <- faulttest.Escaped(func() {
						assert.NoError(t, l.Do(ctx, func(context.Context) error { return nil }))
					})
				}()
				time.Sleep(2 * time.Second)
				require.Nil(t, <-timedOut)
				synctest.Wait()
				assert.Equal(t, limiter.Status{Active: 1, Waiting: 1}, l.Status())
				require.Nil(t, faulttest.Escaped(l.Release))
				require.Nil(t, <-served)
				assert.Equal(t, limiter.Status{}, l.Status(), "every slot came back")

				panics, untold := faulttest.Untold(tr.All(), kind)
				assert.Empty(t, untold, "each panic is told at once")
				assert.Positive(t, panics, "the scenario reaches %s", kind)
			})
		})
	}
}
