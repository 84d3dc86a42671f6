package pool_test

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
	"github.com/concurrency-patterns/playground/patterns/pool"
)

func TestEventsAreStampedByTheInjectedClock(t *testing.T) {
	clk := clock.NewVirtual()
	tr := &trace{}
	f := newFactory()
	p, err := pool.New(t.Context(), f.create, f.destroy, pool.Size(1), pool.WithClock(clk), pool.WithHook(tr.Hook))
	require.NoError(t, err)
	clk.Advance(time.Second)
	w, err := p.Checkout(pool.WithCaller(t.Context(), 9))
	require.NoError(t, err)
	p.Checkin(w)
	events := tr.All()
	require.Len(t, events, 3)
	assert.Equal(t, clock.Epoch, events[0].Time)
	assert.Equal(t, event.Event{Time: clock.Epoch.Add(time.Second), Kind: event.CheckedOut, ID: 9, Slot: 0}, events[1])
	p.Close()
}

func TestNoHookNoClockReads(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		clk := &eventtest.CountingClock{Clock: clock.Real()}
		f := newFactory()
		p, err := pool.New(t.Context(), f.create, f.destroy, pool.Size(1), pool.MaxOverflow(1), pool.WithClock(clk))
		require.NoError(t, err)
		ws := take(t, p, 2)
		waiter := goCheckout(t.Context(), p, 1)
		p.Discard(ws[0], nil)
		w, err := waiter.wait()
		require.NoError(t, err)
		p.Checkin(w)
		p.Checkin(ws[1])
		p.Close()
		assert.Zero(t, clk.Reads.Load())
	})
}

func TestCheckoutFailedCarriesTheCancellationCause(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p, tr := newPool(t, newFactory(), pool.Size(1), pool.MaxOverflow(0))
		held := take(t, p, 1)[0]
		why := errors.New("the user went away")
		ctx, cancel := context.WithCancelCause(t.Context())
		c := goCheckout(ctx, p, 1)
		cancel(why)
		_, err := c.wait()
		require.ErrorIs(t, err, context.Canceled, "Checkout returns ctx.Err()")
		last := tr.All()[len(tr.All())-1]
		assert.Equal(t, event.CheckoutFailed, last.Kind)
		assert.ErrorIs(t, last.Err, why, "the event says why")
		p.Checkin(held)
		p.Close()
	})
}
