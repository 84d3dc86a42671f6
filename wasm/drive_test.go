//go:build js && wasm

package main

import (
	"path/filepath"
	"syscall/js"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/concurrency-patterns/playground/internal/scenario"
)

// loop loads the real loader.js, as the page does, and returns its
// playgroundDrive.
func loop(t *testing.T) js.Value {
	t.Helper()
	path, err := filepath.Abs("../web/static/loader.js")
	require.NoError(t, err)
	js.Global().Call("require", path)
	l, err := driver()
	require.NoError(t, err)
	return l
}

func streamValues(t *testing.T, raw map[string]string) (*scenario.Scenario, scenario.Values) {
	t.Helper()
	s, ok := scenario.Lookup("stream")
	require.True(t, ok)
	v, errs := s.Parse(raw)
	require.Empty(t, errs)
	return s, v
}

// driven computes a run through playgroundDrive and waits for its end.
// Waiting here is fine: the test's goroutine is not a JavaScript callback.
func driven(t *testing.T, l js.Value, run *scenario.Run, after func()) error {
	t.Helper()
	end := make(chan error, 1)
	drive(l, func() any { return stepFor(run, stepMs, after) }, func(err error) { end <- err })
	return <-end
}

// natively is the summary of a run of v stepped under synctest.
func natively(t *testing.T, s *scenario.Scenario, v scenario.Values) map[string]float64 {
	t.Helper()
	var sum map[string]float64
	synctest.Test(t, func(t *testing.T) {
		run := s.Start(v)
		require.NoError(t, run.Complete(synctest.Wait))
		sum = run.Summary()
	})
	return sum
}

// TestDriveComputesTheRunSynctestDoes: stepping from a JavaScript loop sees
// the same quiescent moments synctest.Wait gives natively, so the run ends
// as it does under synctest, and no goroutine is left behind.
func TestDriveComputesTheRunSynctestDoes(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreAnyFunction("runtime.handleEvent"))
	l := loop(t)
	for _, raw := range []map[string]string{
		{"items": "200", "max_concurrency": "50", "fail_rate": "0.1"},
		{"items": "60", "max_concurrency": "5", "ordered": "false", "timeout": "300", "on_timeout": "kill_task"},
		{"items": "60", "timeout": "300"},
	} {
		s, v := streamValues(t, raw)
		want := natively(t, s, v)

		run := s.Start(v)
		steps := 0
		require.NoError(t, driven(t, l, run, func() { steps++ }))
		require.True(t, run.Done(), "%v", raw)
		require.NoError(t, run.Err())
		assert.Equal(t, want, run.Summary(), "%v", raw)
		assert.Greater(t, steps, 1, "one step per virtual instant")
	}
}

// TestDriveSettlesWithinACall: one call from JavaScript steps a run many
// times, letting its goroutines settle between steps, and every scenario
// ends as it does under synctest.
func TestDriveSettlesWithinACall(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreAnyFunction("runtime.handleEvent"))
	l := loop(t)
	for _, name := range scenario.Names() {
		s, _ := scenario.Lookup(name)
		v, errs := s.Parse(nil)
		require.Empty(t, errs)
		want := natively(t, s, v)

		run := s.Start(v)
		calls, steps := 0, 0
		end := make(chan error, 1)
		drive(l, func() any { calls++; return stepFor(run, stepMs, func() { steps++ }) }, func(err error) { end <- err })
		require.NoError(t, <-end, name)
		require.NoError(t, run.Err(), name)
		assert.Equal(t, want, run.Summary(), name)
		assert.LessOrEqual(t, 4*calls, steps, "%s: %d calls for %d steps", name, calls, steps)
	}
}

func TestDriveReportsAPanicInAStep(t *testing.T) {
	l := loop(t)
	s, v := streamValues(t, map[string]string{"items": "3"})
	run := s.Start(v)
	err := driven(t, l, run, func() { panic("boom") })
	require.EqualError(t, err, "panic: boom")

	// The run itself is fine: finish it, so that its goroutine ends.
	require.NoError(t, driven(t, l, run, func() {}))
	assert.True(t, run.Done())
}
