package supervisor_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/supervisor"
	"github.com/concurrency-patterns/playground/patterns/task"
)

// The exit reasons stay apart: normal, shutdown, shutdown with a reason,
// and abnormal.
func TestExitOf(t *testing.T) {
	drained := errors.New("drained")
	cases := []struct {
		name      string
		err       error
		cancelled bool
		want      supervisor.Exit
	}{
		{"nil", nil, false, supervisor.NormalExit},
		{"own error", errFail, false, supervisor.AbnormalExit},
		{"bare shutdown", supervisor.ErrShutdown, false, supervisor.ShutdownExit},
		{"wrapped shutdown", fmt.Errorf("closing: %w", supervisor.ErrShutdown), false, supervisor.ShutdownExit},
		{"shutdown with a term", &supervisor.ShutdownError{Reason: "drained"}, false, supervisor.ShutdownReasonExit},
		{"shutdown with an error", &supervisor.ShutdownError{Reason: drained}, false, supervisor.ShutdownReasonExit},
		{"context error, not cancelled", context.Canceled, false, supervisor.AbnormalExit},
		{"context error, cancelled", context.Canceled, true, supervisor.ShutdownExit},
		{"nil, cancelled", nil, true, supervisor.ShutdownExit},
		{"own error, cancelled", errFail, true, supervisor.AbnormalExit},
		{"a panic", &task.ExitError{Reason: task.Recovered("boom")}, false, supervisor.AbnormalExit},
		{"a panic with the shutdown error", &task.ExitError{Reason: task.Recovered(supervisor.ErrShutdown)}, false, supervisor.AbnormalExit},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, supervisor.ExitOf(tc.err, tc.cancelled))
		})
	}
}

func TestShutdownErrorUnwraps(t *testing.T) {
	drained := errors.New("drained")
	err := error(&supervisor.ShutdownError{Reason: drained})
	assert.ErrorIs(t, err, supervisor.ErrShutdown)
	assert.ErrorIs(t, err, task.ErrShutdown, "the same sentinel")
	assert.ErrorIs(t, err, drained)
	assert.EqualError(t, err, "shutdown: drained")
	assert.EqualError(t, &supervisor.ShutdownError{Reason: 42}, "shutdown: 42")
	assert.Equal(t, "shutdown with a reason", supervisor.ShutdownReasonExit.String())
}

// A child that stops itself with a shutdown reason: a transient one is not
// restarted, a permanent one is (as in OTP), and the event keeps the
// reason the child gave.
func TestChildStopsItselfWithAShutdownReason(t *testing.T) {
	reasons := []error{supervisor.ErrShutdown, &supervisor.ShutdownError{Reason: "drained"}}
	cases := []struct {
		policy  supervisor.Restart
		restart bool
	}{{supervisor.Transient, false}, {supervisor.Permanent, true}, {supervisor.Temporary, false}}
	for _, reason := range reasons {
		for _, tc := range cases {
			t.Run(fmt.Sprintf("%v/%v", tc.policy, reason), func(t *testing.T) {
				synctest.Test(t, func(t *testing.T) {
					var l log
					sup := start(t, supervisor.WithHook(l.hook))
					id := startChild(t, sup, sequence(exits(10*time.Millisecond, reason), blocks), supervisor.WithRestart(tc.policy))
					time.Sleep(time.Second)
					want := []string{"child_started", "child_shutdown", "child_removed"}
					if tc.restart {
						want = []string{"child_started", "child_shutdown", "child_restarted", "child_started"}
					}
					assert.Equal(t, want, l.trail(id))
					shut := l.kinds(event.ChildShutdown)
					require.Len(t, shut, 1)
					assert.Same(t, reason, shut[0].Err, "not flattened")
					require.NoError(t, sup.Stop(t.Context()))
				})
			})
		}
	}
}

// A child cancelled by the supervisor that returns nil or its context's
// error is reported with the bare shutdown reason, as before.
func TestCancelledChildIsReportedAsShutdown(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l log
		sup := start(t, supervisor.WithHook(l.hook))
		startChild(t, sup, blocks)
		require.NoError(t, sup.Stop(t.Context()))
		shut := l.kinds(event.ChildShutdown)
		require.Len(t, shut, 1)
		assert.Same(t, supervisor.ErrShutdown, shut[0].Err)
	})
}
