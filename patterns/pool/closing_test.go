package pool_test

import (
	"context"
	"sync/atomic"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/pool"
)

// A checkout whose worker is being created as Close runs gets ErrClosed,
// not a worker of the closed pool; the worker is destroyed.
func TestACheckoutCreatingAWorkerAsCloseRunsGetsErrClosed(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		f := newFactory()
		dialing := make(chan struct{})
		slow := func(ctx context.Context) (*conn, error) {
			<-dialing
			return f.create(ctx)
		}
		p, err := pool.New(t.Context(), slow, f.destroy, pool.Size(0), pool.MaxOverflow(1))
		require.NoError(t, err)
		c := goCheckout(t.Context(), p, 1) // blocked in the constructor
		p.Close()
		close(dialing)
		w, err := c.wait()
		assert.ErrorIs(t, err, pool.ErrClosed)
		assert.Nil(t, w)
		made, destroyed, live := f.counts()
		assert.Equal(t, []int{1, 1, 0}, []int{made, destroyed, live}, "made, then destroyed")
		assert.Equal(t, pool.Status{State: pool.Closed}, p.Status())
	})
}

// The same for a waiter handed a dead worker's lane, whose replacement is
// being created as Close runs.
func TestAWaiterCreatingAReplacementAsCloseRunsGetsErrClosed(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		f := newFactory()
		dialing := make(chan struct{})
		var calls atomic.Int32
		slow := func(ctx context.Context) (*conn, error) {
			if calls.Add(1) > 1 {
				<-dialing // the replacement
			}
			return f.create(ctx)
		}
		p, err := pool.New(t.Context(), slow, f.destroy, pool.Size(1), pool.MaxOverflow(0))
		require.NoError(t, err)
		held := take(t, p, 1)[0]
		c := goCheckout(t.Context(), p, 1)
		p.Discard(held, nil) // the lane goes to the waiter, who dials
		synctest.Wait()
		p.Close()
		close(dialing)
		_, err = c.wait()
		assert.ErrorIs(t, err, pool.ErrClosed)
		made, destroyed, live := f.counts()
		assert.Equal(t, []int{2, 2, 0}, []int{made, destroyed, live})
	})
}

// However a lane's hand-over and Close interleave, no constructor starts
// once Close has returned, and no worker outlives the pool: the waiter is
// either served before Close (its worker goes when it comes back) or gets
// ErrClosed.
func TestNoWorkerIsMadeOnceCloseReturned(t *testing.T) {
	for range 20 {
		synctest.Test(t, func(t *testing.T) {
			f := newFactory()
			var closed, late atomic.Bool
			watch := func(ctx context.Context) (*conn, error) {
				if closed.Load() {
					late.Store(true)
				}
				return f.create(ctx)
			}
			p, err := pool.New(t.Context(), watch, f.destroy, pool.Size(1), pool.MaxOverflow(0))
			require.NoError(t, err)
			held := take(t, p, 1)[0]
			c := goCheckout(t.Context(), p, 1)
			p.Discard(held, nil)
			p.Close()
			closed.Store(true)
			if w, err := c.wait(); err == nil {
				p.Checkin(w)
			} else {
				assert.ErrorIs(t, err, pool.ErrClosed)
			}
			assert.False(t, late.Load(), "a constructor started after Close")
			_, _, live := f.counts()
			assert.Zero(t, live)
			assert.Equal(t, pool.Status{State: pool.Closed}, p.Status())
		})
	}
}

func TestStatusAfterCloseSaysClosed(t *testing.T) {
	f := newFactory()
	p, _ := newPool(t, f, pool.Size(2))
	held := take(t, p, 1)[0]
	p.Close()
	assert.Equal(t, pool.Status{State: pool.Closed, CheckedOut: 1}, p.Status(), "the lent worker is still out")
	assert.Equal(t, "closed", pool.Closed.String())
	p.Checkin(held)
	assert.Equal(t, pool.Status{State: pool.Closed}, p.Status())
}
