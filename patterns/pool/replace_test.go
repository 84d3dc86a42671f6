package pool_test

import (
	"context"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/pool"
)

// §6: a worker that dies is replaced. With a caller waiting, the waiter
// gets the dead worker's lane and creates the replacement at once.
func TestDeadWorkerIsReplacedForTheHeadWaiter(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		f := newFactory()
		p, tr := newPool(t, f, pool.Size(1), pool.MaxOverflow(0))
		held := take(t, p, 1)[0]
		first := goCheckout(t.Context(), p, 1)
		second := goCheckout(t.Context(), p, 2)
		p.Discard(held, errOwn)
		w, err := first.wait()
		require.NoError(t, err)
		assert.Equal(t, 1, w.Value().n, "a new worker")
		assert.Equal(t, held.Lane(), w.Lane())
		assert.False(t, second.returned())
		p.Checkin(w)
		w2, err := second.wait()
		require.NoError(t, err)
		assert.Same(t, w, w2, "the replacement is reused")
		p.Checkin(w2)
		assert.Equal(t, []string{
			"worker_started - 0", "checked_out 0 0", "checkout_waiting 1 -", "checkout_waiting 2 -",
			"worker_died 0 0", "worker_replaced 1 0", "checked_out 1 0",
			"checked_in 1 0", "checked_out 2 0", "checked_in 2 0",
		}, tr.Steps())
		p.Close()
		made, destroyed, live := f.counts()
		assert.Equal(t, []int{2, 2, 0}, []int{made, destroyed, live})
	})
}

// With nobody waiting, the pool replaces a dead worker at once, as poolboy
// does, and the replacement waits idle.
func TestDeadWorkerIsReplacedAtOnce(t *testing.T) {
	f := newFactory()
	p, tr := newPool(t, f, pool.Size(2), pool.MaxOverflow(0))
	ws := take(t, p, 2)
	p.Discard(ws[0], nil)
	assert.Equal(t, pool.Status{State: pool.Ready, Available: 1, CheckedOut: 1}, p.Status(), "replaced before Discard returns")
	made, destroyed, live := f.counts()
	assert.Equal(t, []int{3, 1, 2}, []int{made, destroyed, live})
	p.Checkin(ws[1])
	a := take(t, p, 1)[0]
	assert.Equal(t, 1, a.Lane(), "LIFO: the worker checked in last")
	b := take(t, p, 1)[0]
	assert.Equal(t, 0, b.Lane(), "the replacement, in the dead worker's lane")
	assert.Equal(t, 2, b.Value().n)
	assert.Equal(t, pool.Status{State: pool.Full, CheckedOut: 2}, p.Status())
	assert.Equal(t, []string{
		"worker_started - 0", "worker_started - 1", "checked_out 0 0", "checked_out 1 1",
		"worker_died 0 0", "worker_replaced - 0", "checked_in 1 1", "checked_out 2 1", "checked_out 3 0",
	}, tr.Steps())
	p.Checkin(a)
	p.Checkin(b)
	p.Close()
}

// A replacement that fails to start leaves its lane free: the next
// checkout that finds no idle worker makes one.
func TestFailedReplacementLeavesTheLaneFree(t *testing.T) {
	f := newFactory()
	f.failAt[1] = errDial
	p, tr := newPool(t, f, pool.Size(1), pool.MaxOverflow(0))
	p.Discard(take(t, p, 1)[0], nil)
	assert.Equal(t, pool.Status{State: pool.Ready}, p.Status())
	w := take(t, p, 1)[0]
	assert.Equal(t, 2, w.Value().n)
	assert.Equal(t, []string{
		"worker_started - 0", "checked_out 0 0", "worker_died 0 0", "worker_replaced - 0", "start_failed - 0",
		"worker_replaced 1 0", "checked_out 1 0",
	}, tr.Steps())
	p.Checkin(w)
	p.Close()
}

// The pool's own replacement is made with New's context values, and Close
// cancels it.
func TestReplacementContextEndsWithThePool(t *testing.T) {
	type key struct{}
	var seen []context.Context
	create := func(ctx context.Context) (*conn, error) {
		seen = append(seen, ctx)
		return &conn{n: len(seen)}, nil
	}
	ctx, cancel := context.WithCancel(context.WithValue(t.Context(), key{}, "tenant"))
	p, err := pool.New(ctx, create, nil, pool.Size(1), pool.MaxOverflow(0))
	require.NoError(t, err)
	cancel() // New's own cancellation does not reach the pool's later work
	p.Discard(take(t, p, 1)[0], nil)
	require.Len(t, seen, 2)
	assert.Equal(t, "tenant", seen[1].Value(key{}))
	assert.NoError(t, seen[1].Err())
	p.Close()
	assert.ErrorIs(t, seen[1].Err(), context.Canceled)
}

// A dead overflow worker is not replaced: the pool shrinks back, as
// poolboy's overflow count does.
func TestDeadOverflowWorkerIsNotReplaced(t *testing.T) {
	f := newFactory()
	p, _ := newPool(t, f, pool.Size(1), pool.MaxOverflow(1))
	ws := take(t, p, 2)
	assert.Equal(t, 1, p.Status().Overflow)
	p.Discard(ws[1], nil)
	assert.Equal(t, pool.Status{State: pool.Overflow, CheckedOut: 1}, p.Status())
	p.Checkin(ws[0])
	p.Close()
}

func TestConstructorFailure(t *testing.T) {
	t.Run("in New, the workers made are destroyed", func(t *testing.T) {
		f := newFactory()
		f.failAt[2] = errDial
		p, err := pool.New(t.Context(), f.create, f.destroy, pool.Size(4))
		assert.Nil(t, p)
		require.ErrorIs(t, err, errDial)
		assert.EqualError(t, err, "pool: starting worker 3 of 4: dial failed")
		made, destroyed, live := f.counts()
		assert.Equal(t, []int{3, 2, 0}, []int{made, destroyed, live})
	})
	t.Run("in a checkout, the error comes back and the lane is free", func(t *testing.T) {
		f := newFactory()
		f.failAt[0] = errDial
		p, tr := newPool(t, f, pool.Size(0), pool.MaxOverflow(1))
		_, err := p.Checkout(pool.WithCaller(t.Context(), 3))
		assert.ErrorIs(t, err, errDial)
		assert.Equal(t, pool.Status{State: pool.Overflow}, p.Status())
		w, err := p.Checkout(t.Context())
		require.NoError(t, err)
		assert.Equal(t, 0, w.Lane())
		assert.Equal(t, []string{
			"overflow_started 3 0", "start_failed 3 0", "checkout_failed 3 -", "overflow_started 0 0", "checked_out 0 0",
		}, tr.Steps())
		p.Checkin(w)
		p.Close()
	})
	t.Run("a waiter gets the lane of a failed start", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			dialing := make(chan struct{})
			fail := make(chan error)
			create := func(ctx context.Context) (*conn, error) {
				select {
				case <-dialing: // only the first call blocks
					return &conn{n: 2}, nil
				default:
				}
				close(dialing)
				return nil, <-fail
			}
			p, err := pool.New(t.Context(), create, nil, pool.Size(0), pool.MaxOverflow(1))
			require.NoError(t, err)
			first := goCheckout(t.Context(), p, 1) // creating, blocked in create
			second := goCheckout(t.Context(), p, 2)
			assert.Equal(t, 1, p.Status().Waiting, "the lane is taken while its worker is made")
			fail <- errDial
			_, err = first.wait()
			assert.ErrorIs(t, err, errDial)
			w, err := second.wait()
			require.NoError(t, err, "the waiter made its own")
			assert.Equal(t, 2, w.Value().n)
			p.Checkin(w)
			p.Close()
		})
	})
	t.Run("a constructor panic frees the lane and goes on", func(t *testing.T) {
		calls := 0
		create := func(ctx context.Context) (*conn, error) {
			calls++
			if calls == 1 {
				panic("dialer bug")
			}
			return &conn{n: calls}, nil
		}
		p, err := pool.New(t.Context(), create, nil, pool.Size(0), pool.MaxOverflow(1))
		require.NoError(t, err)
		assert.PanicsWithValue(t, "dialer bug", func() { _, _ = p.Checkout(t.Context()) })
		w, err := p.TryCheckout(t.Context())
		require.NoError(t, err, "the lane is free again")
		p.Checkin(w)
		p.Close()
	})
}
