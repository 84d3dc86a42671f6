package limiter_test

import (
	"context"
	"errors"
	"runtime"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/limiter"
	"github.com/concurrency-patterns/playground/patterns/task"
)

var errOwn = errors.New("backend said no")

// §5: a holder that crashes releases its slot. Do gives the slot back
// however fn ends, then lets a panic go on to its caller.
func TestDoReleasesHoweverFnEnds(t *testing.T) {
	cases := []struct {
		name   string
		fn     func(context.Context) error
		panics any    // the value Do's caller must see panicking, if any
		err    error  // Do's error, if fn returned
		reason string // the released event's Err, hooked
	}{
		{"returns nil", func(context.Context) error { return nil }, nil, nil, ""},
		{"returns its own error", func(context.Context) error { return errOwn }, nil, errOwn, ""},
		{"panics", func(context.Context) error { panic("boom") }, "boom", nil, "panic: boom"},
		{"panics with an error", func(context.Context) error { panic(errOwn) }, errOwn, nil, "panic: backend said no"},
		{"calls Goexit", func(context.Context) error { runtime.Goexit(); return nil }, nil, nil, "limiter: function called runtime.Goexit"},
	}
	for _, m := range modes {
		for _, tc := range cases {
			t.Run(m.name+"/"+tc.name, func(t *testing.T) {
				synctest.Test(t, func(t *testing.T) {
					l, tr := newLimiter(t, 1, m.hooked)
					waiter := make(chan error, 1)
					var recovered any
					returned := false
					var err error
					go func() {
						defer func() { recovered = recover() }()
						err = l.Do(limiter.WithCaller(t.Context(), 1), func(ctx context.Context) error {
							go func() { waiter <- l.Acquire(limiter.WithCaller(t.Context(), 2)) }()
							synctest.Wait() // caller 2 queues behind the holder
							return tc.fn(ctx)
						})
						returned = true
					}()
					require.NoError(t, <-waiter, "the slot went to the waiter")
					synctest.Wait()
					assert.Equal(t, tc.panics, recovered, "the panic reaches Do's caller unchanged")
					if tc.name == "calls Goexit" {
						assert.False(t, returned, "Goexit goes on too")
					} else if tc.panics == nil {
						assert.True(t, returned)
						assert.Equal(t, tc.err, err)
					}
					assert.Equal(t, limiter.Status{Active: 1}, l.Status())
					l.Release()
					if !m.hooked {
						return
					}
					var released []event.Event
					for _, e := range tr.All() {
						if e.Kind == event.Released && e.ID == 1 {
							released = append(released, e)
						}
					}
					require.Len(t, released, 1)
					assert.Equal(t, 0, released[0].Slot)
					if tc.reason == "" {
						assert.NoError(t, released[0].Err)
						return
					}
					assert.EqualError(t, released[0].Err, tc.reason)
					var p *task.PanicError
					if errors.As(released[0].Err, &p) {
						assert.Contains(t, string(p.Stack), "do_test.go", "the stack is fn's")
					}
				})
			})
		}
	}
}

func TestDoDoesNotRunFnWithoutASlot(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				l, _ := newLimiter(t, 1, m.hooked)
				require.NoError(t, l.Acquire(t.Context()))
				ctx, cancel := context.WithCancel(t.Context())
				res := make(chan error, 1)
				ran := false
				go func() { res <- l.Do(ctx, func(context.Context) error { ran = true; return nil }) }()
				synctest.Wait()
				cancel()
				assert.ErrorIs(t, <-res, context.Canceled)
				assert.False(t, ran)
				l.Release()
				assert.Equal(t, limiter.Status{}, l.Status())
			})
		})
	}
}

func TestDoPassesItsContextToFn(t *testing.T) {
	l, _ := newLimiter(t, 1, false)
	type key struct{}
	ctx := context.WithValue(context.Background(), key{}, "v")
	require.NoError(t, l.Do(ctx, func(got context.Context) error {
		assert.Equal(t, "v", got.Value(key{}))
		return nil
	}))
}
