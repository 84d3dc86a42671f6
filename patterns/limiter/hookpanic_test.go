package limiter_test

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/limiter"
)

// escaped runs f and returns what it panicked with, nil if nothing.
func escaped(f func()) (p any) {
	defer func() { p = recover() }()
	f()
	return nil
}

// A hook that panics on one kind of event, every time, leaves the limiter
// working: no call panics, no lock stays held, every slot comes back, and
// the hook hears of each panic right after the event it panicked on.
func TestAHookThatPanicsLeavesTheLimiterWorking(t *testing.T) {
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
				require.Nil(t, escaped(func() { require.NoError(t, l.Acquire(ctx)) }))
				require.Nil(t, escaped(func() { assert.False(t, l.TryAcquire()) }))

				// One waiter times out, one is granted the slot.
				late, cancel := context.WithTimeout(ctx, time.Second)
				defer cancel()
				timedOut := make(chan any, 1)
				go func() { timedOut <- escaped(func() { assert.Error(t, l.Acquire(late)) }) }()
				served := make(chan any, 1)
				go func() {
					time.Sleep(time.Millisecond) // queue behind the first
					served <- escaped(func() {
						assert.NoError(t, l.Do(ctx, func(context.Context) error { return nil }))
					})
				}()
				time.Sleep(2 * time.Second)
				require.Nil(t, <-timedOut)
				synctest.Wait()
				assert.Equal(t, limiter.Status{Active: 1, Waiting: 1}, l.Status())
				require.Nil(t, escaped(l.Release))
				require.Nil(t, <-served)
				assert.Equal(t, limiter.Status{}, l.Status(), "every slot came back")

				events := tr.All()
				panics := 0
				for i, e := range events {
					if e.Kind != kind {
						continue
					}
					panics++
					require.Greater(t, len(events), i+1)
					next := events[i+1]
					assert.Equal(t, event.HookPanicked, next.Kind, "the news follows event %d", i)
					var hp *event.HookPanic
					if assert.ErrorAs(t, next.Err, &hp) {
						assert.Equal(t, e, hp.Event)
						assert.Equal(t, "hook trouble", hp.Value)
					}
				}
				assert.Positive(t, panics, "the scenario reaches %s", kind)
			})
		})
	}
}
