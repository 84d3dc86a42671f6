package task_test

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/internal/eventtest"
	"github.com/concurrency-patterns/playground/patterns/task"
)

func TestEnrollCountsAsAChild(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var k eventtest.Log
		s := newSupervisor(t, task.MaxChildren(2), task.WithHook(k.Hook))
		ctx, cancel := context.WithCancelCause(context.Background())
		lease, err := s.Enroll(cancel, time.Second)
		require.NoError(t, err)
		_, err = task.Async(s, after(time.Hour, 1))
		require.NoError(t, err)
		_, err = s.Enroll(func(error) {}, 0)
		assert.ErrorIs(t, err, task.ErrMaxChildren, "a lease counts against MaxChildren")
		assert.Contains(t, s.Children(), lease.ID())

		go func() { // the work: it returns when cancelled
			<-ctx.Done()
			lease.Done(context.Cause(ctx))
		}()
		assert.NoError(t, s.TerminateChild(lease.ID()), "terminated through its cancel func")
		assert.ErrorIs(t, context.Cause(ctx), task.ErrShutdown)
		assert.NotContains(t, s.Children(), lease.ID())
		lease.Done(nil) // a second end does nothing
		assert.Equal(t, 1, count(&k, event.Failed))
		s.Stop()
	})
}

func TestEnrolledWorkAbandoned(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := newSupervisor(t)
		lease, err := s.Enroll(func(error) {}, time.Hour)
		require.NoError(t, err)
		lease.Abandon()
		assert.Equal(t, 1, s.Abandoned())
		assert.Zero(t, s.Count())
		lease.Done(nil)
		assert.Equal(t, 1, s.Abandoned(), "counted once")

		deaf, err := s.Enroll(func(error) {}, time.Second)
		require.NoError(t, err)
		assert.Equal(t, 1, s.Stop(), "Stop abandons work that does not end its lease in time")
		deaf.Abandon()
		assert.Equal(t, 2, s.Abandoned(), "counted once, by whoever gave up first")
	})
}

func TestEnrollArguments(t *testing.T) {
	s := newSupervisor(t)
	_, err := s.Enroll(nil, 0)
	assert.ErrorIs(t, err, task.ErrInvalidOption)
	_, err = s.Enroll(func(error) {}, -time.Second)
	assert.ErrorIs(t, err, task.ErrInvalidOption)
	s.Stop()
	_, err = s.Enroll(func(error) {}, 0)
	assert.ErrorIs(t, err, task.ErrStopped)
}
