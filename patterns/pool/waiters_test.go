package pool_test

import (
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/pool"
)

// §6: waiters are served FIFO, and a check-in hands the worker straight to
// the head: a newcomer never overtakes it.
func TestWaitersAreServedInArrivalOrder(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p, _ := newPool(t, newFactory(), pool.Size(1), pool.MaxOverflow(1))
		held := take(t, p, 2)
		var calls []*checkout
		for id := range 5 {
			calls = append(calls, goCheckout(t.Context(), p, id))
		}
		assert.Equal(t, 5, p.Status().Waiting)
		p.Checkin(held[1])
		_, err := p.TryCheckout(t.Context())
		assert.ErrorIs(t, err, pool.ErrFull, "the worker is the head's, before it even woke")
		for id, c := range calls {
			w, err := c.wait()
			require.NoError(t, err)
			synctest.Wait()
			for _, later := range calls[id+1:] {
				assert.False(t, later.returned(), "caller %d served before %d", id, id+1)
			}
			p.Checkin(w)
		}
		p.Checkin(held[0])
		assert.Equal(t, pool.Status{State: pool.Ready, Available: 1}, p.Status(), "the overflow worker went")
		p.Close()
	})
}

func TestTryCheckoutMayCreateButNeverWaits(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		f := newFactory()
		p, tr := newPool(t, f, pool.Size(0), pool.MaxOverflow(1))
		w, err := p.TryCheckout(pool.WithCaller(t.Context(), 4))
		require.NoError(t, err)
		_, err = p.TryCheckout(pool.WithCaller(t.Context(), 5))
		assert.ErrorIs(t, err, pool.ErrFull)
		assert.Zero(t, p.Status().Waiting)
		p.Checkin(w)
		assert.Equal(t, []string{
			"overflow_started 4 0", "checked_out 4 0", "checkout_failed 5 -",
			"checked_in 4 0", "overflow_dismissed 4 0",
		}, tr.Steps())
		p.Close()
	})
}
