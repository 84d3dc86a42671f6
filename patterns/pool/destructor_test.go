package pool_test

import (
	"context"
	"fmt"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/pool"
)

// unruly is a factory whose destructor panics, every time or only the
// first; it counts every call.
type unruly struct {
	*factory
	calls int
	once  bool
}

func (u *unruly) destroy(c *conn) {
	u.calls++
	u.factory.destroy(c)
	if u.calls == 1 || !u.once {
		panic("destructor trouble")
	}
}

// A destructor that panics loses no capacity: the lane is freed, the panic
// goes on to the caller, and the next checkout gets a worker at once.
func TestADestructorThatPanicsLosesNoCapacity(t *testing.T) {
	cases := []struct {
		name string
		opts []pool.Option
		give func(*pool.Pool[*conn], *pool.Worker[*conn])
	}{
		{"discard", []pool.Option{pool.Size(1), pool.MaxOverflow(0)},
			func(p *pool.Pool[*conn], w *pool.Worker[*conn]) { p.Discard(w, nil) }},
		{"an overflow worker dismissed", []pool.Option{pool.Size(0), pool.MaxOverflow(1)}, (*pool.Pool[*conn]).Checkin},
		{"a broken transaction", []pool.Option{pool.Size(1), pool.MaxOverflow(0)},
			func(p *pool.Pool[*conn], w *pool.Worker[*conn]) {
				p.Checkin(w)
				_ = p.Transaction(context.Background(), func(context.Context, *conn) error { return pool.ErrBroken })
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				u := &unruly{factory: newFactory(), once: true}
				p, err := pool.New(t.Context(), u.create, u.destroy, append(tc.opts, pool.Timeout(time.Second))...)
				require.NoError(t, err)
				w, err := p.TryCheckout(t.Context())
				require.NoError(t, err)
				assert.PanicsWithValue(t, "destructor trouble", func() { tc.give(p, w) }, "the panic goes on")
				assert.Equal(t, 1, u.calls)
				st := p.Status()
				assert.Zero(t, st.CheckedOut)
				assert.NotEqual(t, pool.Full, st.State, "the lane came back")
				w, err = p.Checkout(t.Context())
				require.NoError(t, err, "a worker at once, not a timeout")
				assert.Equal(t, 0, w.Lane())
				p.Checkin(w)
			})
		})
	}
}

// A caller's panic inside a Transaction is the one that goes on, even when
// the destructor of the worker it reports dead panics as well.
func TestATransactionsPanicBeatsTheDestructors(t *testing.T) {
	u := &unruly{factory: newFactory()}
	p, err := pool.New(t.Context(), u.create, u.destroy, pool.Size(1), pool.MaxOverflow(0))
	require.NoError(t, err)
	trouble := fmt.Errorf("caller trouble: %w", pool.ErrBroken)
	assert.PanicsWithValue(t, trouble, func() {
		_ = p.Transaction(t.Context(), func(context.Context, *conn) error { panic(trouble) })
	})
	assert.Equal(t, 1, u.calls, "the worker was destroyed")
	assert.Equal(t, pool.Status{State: pool.Ready}, p.Status(), "the lane came back")
}

// Close destroys every idle worker even if destructors panic, then lets
// the first panic go on; the pool is closed and holds nothing.
func TestCloseDestroysEveryIdleWorkerThoughDestructorsPanic(t *testing.T) {
	u := &unruly{factory: newFactory()}
	p, err := pool.New(t.Context(), u.create, u.destroy, pool.Size(3))
	require.NoError(t, err)
	assert.Panics(t, p.Close)
	_, destroyed, live := u.counts()
	assert.Equal(t, []int{3, 3, 0}, []int{u.calls, destroyed, live})
	assert.Equal(t, pool.Status{State: pool.Closed}, p.Status())
	assert.NotPanics(t, p.Close, "closing again does nothing")
}

// New destroys the workers it made when a later one fails, even if
// destructors panic.
func TestNewDestroysWhatItMadeThoughDestructorsPanic(t *testing.T) {
	u := &unruly{factory: newFactory()}
	u.failAt[2] = errDial
	assert.Panics(t, func() { _, _ = pool.New(t.Context(), u.create, u.destroy, pool.Size(3)) })
	_, destroyed, live := u.counts()
	assert.Equal(t, []int{2, 2, 0}, []int{u.calls, destroyed, live})
}
