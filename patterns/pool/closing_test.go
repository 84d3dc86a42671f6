package pool_test

import (
	"context"
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

// A waiter handed a dead worker's lane creates nothing once the pool is
// closed: however the hand-over and Close interleave, it gets ErrClosed
// and no worker outlives the pool.
func TestAWaiterHandedALaneAsCloseRunsGetsErrClosed(t *testing.T) {
	for range 20 { // the waiter may run before or after Close
		synctest.Test(t, func(t *testing.T) {
			f := newFactory()
			p, _ := newPool(t, f, pool.Size(1), pool.MaxOverflow(0))
			held := take(t, p, 1)[0]
			c := goCheckout(t.Context(), p, 1)
			p.Discard(held, nil) // the lane goes to the waiter
			p.Close()
			_, err := c.wait()
			assert.ErrorIs(t, err, pool.ErrClosed)
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
