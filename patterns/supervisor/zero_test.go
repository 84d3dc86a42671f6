package supervisor_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/concurrency-patterns/playground/patterns/supervisor"
)

func TestZeroSupervisorIsRejectedAtTheFirstCall(t *testing.T) {
	calls := map[string]func(s *supervisor.Supervisor){
		"StartChild":     func(s *supervisor.Supervisor) { _, _ = s.StartChild(t.Context(), blocks) },
		"TerminateChild": func(s *supervisor.Supervisor) { _ = s.TerminateChild(t.Context(), 0) },
		"WhichChildren":  func(s *supervisor.Supervisor) { _, _ = s.WhichChildren(t.Context()) },
		"CountChildren":  func(s *supervisor.Supervisor) { _, _ = s.CountChildren(t.Context()) },
		"Stop":           func(s *supervisor.Supervisor) { _ = s.Stop(t.Context()) },
		"Wait":           func(s *supervisor.Supervisor) { _ = s.Wait(t.Context()) },
		"Done":           func(s *supervisor.Supervisor) { s.Done() },
		"Err":            func(s *supervisor.Supervisor) { _ = s.Err() },
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			var zero supervisor.Supervisor
			assert.PanicsWithValue(t, "supervisor: zero Supervisor; make one with supervisor.Start", func() { call(&zero) })
			assert.PanicsWithValue(t, "supervisor: nil Supervisor; make one with supervisor.Start", func() { call(nil) })
		})
	}
}
