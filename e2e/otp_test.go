package e2e

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runPreset applies a preset to a page's demo, runs it and returns its
// summary and trace.
func runPreset(t *testing.T, p *page, demo, preset string) (map[string]float64, []traceEvent) {
	t.Helper()
	require.Empty(t, eval[[]any](p, demo+`.applyPreset(`+quote(preset)+`)`), "preset %q", preset)
	sum := await[map[string]float64](p, demo+`.run()`)
	return sum, eval[[]traceEvent](p, demo+`.trace()`)
}

func quote(s string) string { return `"` + s + `"` }

// TestTasksRestartPresets: under a restart policy a task that ended is
// started again with its id, and a permanent one until the supervisor
// gives up.
func TestTasksRestartPresets(t *testing.T) {
	p := demoPage(t, "tasks.html", "Task.await_many", "TerminateChild")
	sum, trace := runPreset(t, p, "playgrounds[1]", "transient: restarted after a crash")
	assert.Positive(t, sum["restarts"])
	ended := map[int]bool{}
	again := 0
	for _, e := range trace {
		switch e.Kind {
		case "panicked":
			ended[e.ID] = true
		case "started":
			if ended[e.ID] {
				again++
				delete(ended, e.ID)
			}
		}
	}
	assert.Equal(t, int(sum["restarts"]), again, "each restart starts the crashed task again")

	_, trace = runPreset(t, p, "playgrounds[1]", "permanent: restarted until it gives up")
	gaveUp := false
	for _, e := range trace {
		if gaveUp {
			require.NotEqual(t, "started", e.Kind, "nothing starts after the supervisor gave up")
		}
		gaveUp = gaveUp || e.Kind == "intensity_reached"
	}
	assert.True(t, gaveUp)
	p.noConsoleErrors()
}

// TestTimeoutYieldManyPresets: one caller yields on every task at once and
// shuts the rest down, or ignores them.
func TestTimeoutYieldManyPresets(t *testing.T) {
	p := demoPage(t, "timeout.html", "Task.yield_many")
	sum, trace := runPreset(t, p, "playgrounds[0]", "yield_many, shut the rest down")
	assert.Positive(t, sum["timed_out"])
	for _, e := range trace {
		if e.Kind == "started" {
			assert.Zero(t, e.T, "every task starts at once")
		}
	}
	sum, _ = runPreset(t, p, "playgrounds[0]", "yield_many, ignore the rest")
	assert.Positive(t, sum["ignored"])
	assert.Equal(t, sum["ignored"], sum["timed_out"])
	assert.Zero(t, sum["abandoned"], "nothing is stopped")
	p.noConsoleErrors()
}

// TestSupervisorStartStepPresets: failing start steps are reported and a
// failed restart is tried again; children that stop themselves with a
// shutdown reason are let go.
func TestSupervisorStartStepPresets(t *testing.T) {
	p := demoPage(t, "supervisor.html", "StartChildInit", "ShutdownError")
	sum, trace := runPreset(t, p, "playgrounds[0]", "failing start steps")
	assert.Positive(t, sum["start_failures"])
	retried := 0
	for i, e := range trace {
		if e.Kind == "child_start_failed" && nextAbout(trace[i+1:], e.ID) == "child_restarted" {
			retried++
		}
	}
	assert.Positive(t, retried, "a restart whose start step failed is tried again")

	sum, trace = runPreset(t, p, "playgrounds[0]", "done by themselves")
	assert.Positive(t, sum["self_shutdowns"])
	for i, e := range trace {
		if e.Kind == "child_shutdown" && e.Detail != "task: shutdown" {
			assert.Equal(t, "child_removed", nextAbout(trace[i+1:], e.ID), "a transient child that stopped itself is let go")
		}
	}
	p.noConsoleErrors()
}

// nextAbout is the kind of the next event about child id.
func nextAbout(trace []traceEvent, id int) string {
	for _, e := range trace {
		if e.ID == id {
			return e.Kind
		}
	}
	return ""
}

// TestStreamSupervisedPresets: under a task supervisor the stream runs as
// before, and stops at the first task max_children refuses.
func TestStreamSupervisedPresets(t *testing.T) {
	p := demoPage(t, "stream.html", "async_stream_nolink")
	sum, _ := runPreset(t, p, "playgrounds[0]", "under a task supervisor")
	assert.Equal(t, sum["items"], sum["ok"])
	sum, trace := runPreset(t, p, "playgrounds[0]", "max_children below max_concurrency")
	assert.Equal(t, 1.0, sum["refused"])
	require.NotEmpty(t, trace)
	last := trace[len(trace)-1]
	assert.Equal(t, "halted", last.Kind)
	assert.Contains(t, last.Detail, "max children reached")
	p.noConsoleErrors()
}
