package limiter_test

import (
	"context"
	"errors"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/clock"
	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/internal/eventtest"
	"github.com/concurrency-patterns/playground/patterns/limiter"
)

func TestEventsTellTheWholeStory(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		clk := clock.NewVirtual()
		tr := &trace{}
		l, err := limiter.New(2, limiter.WithHook(tr.Hook), limiter.WithClock(clk))
		require.NoError(t, err)
		hold := func(id int, release <-chan struct{}) *call {
			c := &call{done: make(chan error, 1)}
			go func() {
				c.done <- l.Do(limiter.WithCaller(t.Context(), id), func(context.Context) error {
					<-release
					return nil
				})
			}()
			synctest.Wait()
			return c
		}
		gates := make([]chan struct{}, 5)
		calls := make([]*call, 5)
		for id := range 5 {
			gates[id] = make(chan struct{})
			calls[id] = hold(id, gates[id])
		}
		clk.Advance(10 * time.Millisecond)
		close(gates[1]) // slot 1 passes to caller 2
		require.NoError(t, calls[1].wait())
		close(gates[0]) // slot 0 passes to caller 3
		require.NoError(t, calls[0].wait())
		for _, id := range []int{2, 3, 4} {
			close(gates[id])
			require.NoError(t, calls[id].wait())
		}
		assert.Equal(t, []string{
			"acquired 0 0", "acquired 1 1", "queued 2 -", "queued 3 -", "queued 4 -",
			"released 1 1", "granted 2 1",
			"released 0 0", "granted 3 0",
			"released 2 1", "granted 4 1",
			"released 3 0", "released 4 1",
		}, tr.Steps())
		events := tr.All()
		assert.Equal(t, []int{1, 2, 3}, []int{events[2].N, events[3].N, events[4].N}, "places in the queue")
		assert.Equal(t, clock.Epoch, events[0].Time)
		assert.Equal(t, clock.Epoch.Add(10*time.Millisecond), events[5].Time, "stamped by the injected clock")
	})
}

func TestCallersWithoutAnIDAreNumberedInArrivalOrder(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l, tr := newLimiter(t, 1, true)
		assert.True(t, l.TryAcquire())
		assert.False(t, l.TryAcquire())
		w := goAcquire(context.Background(), l, 7) // named
		l.Release()
		require.NoError(t, w.wait())
		l.Release()
		require.NoError(t, l.Do(context.Background(), func(context.Context) error { return nil }))
		assert.Equal(t, []string{
			"acquired 0 -", "gave_up 1 -", "queued 7 -", "released - -", "granted 7 -",
			"released - -", "acquired 2 0", "released 2 0",
		}, tr.Steps())
		assert.ErrorIs(t, tr.All()[1].Err, limiter.ErrFull)
	})
}

func TestGaveUpCarriesTheContextError(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l, tr := newLimiter(t, 1, true)
		require.NoError(t, l.Acquire(t.Context()))
		ctx, cancel := context.WithTimeout(t.Context(), time.Second)
		defer cancel()
		w := goAcquire(ctx, l, 1)
		time.Sleep(time.Second)
		require.ErrorIs(t, w.wait(), context.DeadlineExceeded)
		last := tr.All()[len(tr.All())-1]
		assert.Equal(t, event.GaveUp, last.Kind)
		assert.Equal(t, 1, last.ID)
		assert.ErrorIs(t, last.Err, context.DeadlineExceeded)
		l.Release()
	})
}

func TestNoHookNoClockReads(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		clk := &eventtest.CountingClock{Clock: clock.Real()}
		l, err := limiter.New(1, limiter.WithClock(clk))
		require.NoError(t, err)
		require.NoError(t, l.Acquire(t.Context()))
		w := goAcquire(t.Context(), l, 1)
		l.Release()
		require.NoError(t, w.wait())
		assert.False(t, l.TryAcquire())
		l.Release()
		require.NoError(t, l.Do(t.Context(), func(context.Context) error { return nil }))
		assert.Zero(t, clk.Reads.Load())
	})
}

func TestGaveUpCarriesTheCancellationCause(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l, tr := newLimiter(t, 1, true)
		require.NoError(t, l.Acquire(t.Context()))
		why := errors.New("the user went away")
		ctx, cancel := context.WithCancelCause(t.Context())
		w := goAcquire(ctx, l, 1)
		cancel(why)
		require.ErrorIs(t, w.wait(), context.Canceled, "Acquire returns ctx.Err()")
		last := tr.All()[len(tr.All())-1]
		assert.Equal(t, event.GaveUp, last.Kind)
		assert.ErrorIs(t, last.Err, why, "the event says why")
		l.Release()
	})
}
