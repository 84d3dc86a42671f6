package pool_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/pool"
	"github.com/concurrency-patterns/playground/patterns/task"
)

var errOwn = errors.New("the backend said no")

var errDead = fmt.Errorf("the socket is gone: %w", pool.ErrBroken)

// §6: transaction checks the worker back in however fn ends, as poolboy's
// try/after does, a panic included; a worker fn reports dead (by error or
// by panic) is destroyed and replaced at once.
func TestTransactionAlwaysGivesTheWorkerBack(t *testing.T) {
	cases := []struct {
		name    string
		fn      func(context.Context, *conn) error
		panics  any
		err     error
		discard bool   // the worker is destroyed and its lane refilled
		reason  string // the worker_died event's Err
	}{
		{"returns nil", func(context.Context, *conn) error { return nil }, nil, nil, false, ""},
		{"returns its own error", func(context.Context, *conn) error { return errOwn }, nil, errOwn, false, ""},
		{"panics", func(context.Context, *conn) error { panic("boom") }, "boom", nil, false, ""},
		{"panics with an error", func(context.Context, *conn) error { panic(errOwn) }, errOwn, nil, false, ""},
		{"calls Goexit", func(context.Context, *conn) error { runtime.Goexit(); return nil }, nil, nil, false, ""},
		{"reports the worker broken", func(context.Context, *conn) error { return fmt.Errorf("reading: %w", pool.ErrBroken) },
			nil, pool.ErrBroken, true, "reading: pool: worker broken"},
		{"panics with the worker broken", func(context.Context, *conn) error { panic(errDead) },
			errDead, nil, true, "panic: the socket is gone: pool: worker broken"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				f := newFactory()
				p, tr := newPool(t, f, pool.Size(1), pool.MaxOverflow(0))
				var recovered any
				var err error
				returned := false
				done := make(chan struct{})
				go func() {
					defer close(done)
					defer func() { recovered = recover() }()
					err = p.Transaction(pool.WithCaller(t.Context(), 1), tc.fn)
					returned = true
				}()
				<-done
				assert.Equal(t, tc.panics, recovered, "a panic reaches the caller unchanged")
				if tc.panics == nil && tc.name != "calls Goexit" {
					assert.True(t, returned)
					assert.ErrorIs(t, err, tc.err)
				}
				assert.Equal(t, pool.Status{State: pool.Ready, Available: 1}, p.Status(), "a worker is idle at once")
				made, destroyed, _ := f.counts()
				if !tc.discard {
					assert.Equal(t, []int{1, 0}, []int{made, destroyed}, "the same worker, checked in")
					assert.Contains(t, tr.Steps(), "checked_in 1 0")
					p.Close()
					return
				}
				assert.Equal(t, []int{2, 1}, []int{made, destroyed}, "destroyed and replaced")
				var died []event.Event
				for _, e := range tr.All() {
					if e.Kind == event.WorkerDied {
						died = append(died, e)
					}
				}
				require.Len(t, died, 1)
				assert.EqualError(t, died[0].Err, tc.reason)
				var pe *task.PanicError
				if errors.As(died[0].Err, &pe) {
					assert.Contains(t, string(pe.Stack), "transaction_test.go")
				}
				assert.Contains(t, tr.Steps(), "worker_replaced - 0")
				w, err := p.Checkout(pool.WithCaller(t.Context(), 2))
				require.NoError(t, err)
				assert.Equal(t, 1, w.Value().n, "the replacement")
				p.Checkin(w)
				p.Close()
			})
		})
	}
}

func TestTransactionWithoutAWorkerDoesNotRunFn(t *testing.T) {
	p, _ := newPool(t, newFactory(), pool.Size(1), pool.MaxOverflow(0))
	p.Close()
	ran := false
	err := p.Transaction(t.Context(), func(context.Context, *conn) error { ran = true; return nil })
	assert.ErrorIs(t, err, pool.ErrClosed)
	assert.False(t, ran)
}
