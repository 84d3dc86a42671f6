package limiter_test

import (
	"context"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/internal/eventtest"
	"github.com/concurrency-patterns/playground/patterns/limiter"
)

// The limiter has two paths: lock-free when no hook is set, under a mutex
// when one is. Most tests run in both modes.
var modes = []struct {
	name   string
	hooked bool
}{{"plain", false}, {"hooked", true}}

// trace records a hooked limiter's events.
type trace = eventtest.Log

func newLimiter(t *testing.T, max int, hooked bool) (*limiter.Limiter, *trace) {
	t.Helper()
	tr := &trace{}
	var opts []limiter.Option
	if hooked {
		opts = append(opts, limiter.WithHook(tr.Hook))
	}
	l, err := limiter.New(max, opts...)
	require.NoError(t, err)
	return l, tr
}

// call is a blocking call running in its own goroutine.
type call struct{ done chan error }

// goAcquire starts caller id's Acquire and waits until it has either
// returned or blocked, so that callers queue in the order they are started.
func goAcquire(ctx context.Context, l *limiter.Limiter, id int) *call {
	c := &call{done: make(chan error, 1)}
	go func() { c.done <- l.Acquire(limiter.WithCaller(ctx, id)) }()
	synctest.Wait()
	return c
}

// returned reports whether the call has returned, and its error.
func (c *call) returned() (bool, error) {
	select {
	case err := <-c.done:
		c.done <- err // keep it for the next look
		return true, err
	default:
		return false, nil
	}
}

func (c *call) wait() error {
	err := <-c.done
	c.done <- err
	return err
}
