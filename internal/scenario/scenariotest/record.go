// Package scenariotest runs scenarios to their end in tests, so that tests
// of the playground's views and of the scenarios themselves check real
// traces of the library's code.
package scenariotest

import (
	"testing"
	"testing/synctest"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Run runs the named scenario with raw params to its end, inside a
// synctest bubble (whose Wait is the quiescence a virtual clock step
// needs), and returns the finished run. It fails t for an unknown
// scenario, invalid params or a run that fails.
func Run(t *testing.T, name string, raw map[string]string) *scenario.Run {
	t.Helper()
	s, ok := scenario.Lookup(name)
	if !ok {
		t.Fatalf("no scenario %q", name)
	}
	v, errs := s.Parse(raw)
	if len(errs) > 0 {
		t.Fatalf("scenario %s: %v", name, errs)
	}
	var run *scenario.Run
	synctest.Test(t, func(t *testing.T) {
		run = s.Start(v)
		if err := run.Complete(synctest.Wait); err != nil {
			t.Fatalf("scenario %s: %v", name, err)
		}
	})
	return run
}

// Record is [Run] for a test that wants the run's trace, summary and parsed
// values.
func Record(t *testing.T, name string, raw map[string]string) ([]event.Record, map[string]float64, scenario.Values) {
	t.Helper()
	run := Run(t, name, raw)
	return run.Trace(), run.Summary(), run.Values()
}
