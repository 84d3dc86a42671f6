package task_test

import (
	"context"
	"errors"
	"runtime"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/task"
)

func newSupervisor(t *testing.T, opts ...task.Option) *task.Supervisor {
	t.Helper()
	s, err := task.NewSupervisor(opts...)
	require.NoError(t, err)
	return s
}

// after returns a task body that sleeps d (fake time in a bubble) and
// returns v, or returns the context's error when cancelled first.
func after[T any](d time.Duration, v T) func(context.Context) (T, error) {
	return func(ctx context.Context) (T, error) {
		select {
		case <-time.After(d):
			return v, nil
		case <-ctx.Done():
			var zero T
			return zero, ctx.Err()
		}
	}
}

var errOwn = errors.New("own error")

func TestOutcomes(t *testing.T) {
	cases := []struct {
		name      string
		fn        func(context.Context) (int, error)
		wantValue int
		wantOwn   error  // the task's own error
		wantExit  string // substring of the exit reason
	}{
		{"value", func(context.Context) (int, error) { return 7, nil }, 7, nil, ""},
		{"own error", func(context.Context) (int, error) { return 0, errOwn }, 0, errOwn, ""},
		{"panic", func(context.Context) (int, error) { panic("kaboom") }, 0, nil, "panic: kaboom"},
		{"panic with error", func(context.Context) (int, error) { panic(errOwn) }, 0, nil, "panic: own error"},
		{"Goexit", func(context.Context) (int, error) { runtime.Goexit(); return 0, nil }, 0, nil, "Goexit"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := newSupervisor(t)
			tk, err := task.Async(s, tc.fn)
			require.NoError(t, err)
			v, err := tk.Await(context.Background())
			assert.Equal(t, tc.wantValue, v)
			var exit *task.ExitError
			switch {
			case tc.wantExit != "":
				require.ErrorAs(t, err, &exit)
				assert.Contains(t, exit.Reason.Error(), tc.wantExit)
			case tc.wantOwn != nil:
				assert.ErrorIs(t, err, tc.wantOwn)
				assert.False(t, errors.As(err, &exit), "own errors are not exits")
			default:
				assert.NoError(t, err)
			}
			assert.Zero(t, s.Count())
		})
	}
}

func TestPanicCarriesItsStack(t *testing.T) {
	s := newSupervisor(t)
	tk, _ := task.Async(s, func(context.Context) (int, error) { return explode() })
	_, err := tk.Await(context.Background())
	var p *task.PanicError
	require.ErrorAs(t, err, &p)
	assert.Equal(t, "kaboom", p.Value)
	assert.Contains(t, string(p.Stack), "explode")
}

func explode() (int, error) { panic("kaboom") }

func TestMaxChildrenRefusesWithoutBlocking(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var refused int
		s := newSupervisor(t, task.MaxChildren(2), task.WithHook(func(e event.Event) {
			if e.Kind == event.Refused {
				refused++
			}
		}))
		a, err := task.Async(s, after(time.Second, 1))
		require.NoError(t, err)
		_, err = task.Async(s, after(time.Second, 2))
		require.NoError(t, err)
		_, err = task.Async(s, after(time.Second, 3))
		assert.ErrorIs(t, err, task.ErrMaxChildren)
		assert.Equal(t, 1, refused)
		assert.ErrorIs(t, task.Go(s, func(context.Context) error { return nil }), task.ErrMaxChildren)
		assert.Equal(t, 2, refused)
		_, _ = a.Await(context.Background())
		synctest.Wait()
		_, err = task.Async(s, after(time.Second, 4))
		assert.NoError(t, err, "a slot freed when a task returned")
		s.Stop()
	})
}

func TestZeroSupervisorIsRejectedAtTheFirstCall(t *testing.T) {
	const want = "task: zero Supervisor; make one with task.NewSupervisor"
	calls := map[string]func(s *task.Supervisor){
		"Async":     func(s *task.Supervisor) { _, _ = task.Async(s, after(time.Second, 1)) },
		"Go":        func(s *task.Supervisor) { _ = task.Go(s, func(context.Context) error { return nil }) },
		"Count":     func(s *task.Supervisor) { s.Count() },
		"Abandoned": func(s *task.Supervisor) { s.Abandoned() },
		"Stop":      func(s *task.Supervisor) { s.Stop() },
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			var s task.Supervisor
			assert.PanicsWithValue(t, want, func() { call(&s) })
			assert.PanicsWithValue(t, "task: nil Supervisor; make one with task.NewSupervisor", func() { call(nil) })
		})
	}
}
