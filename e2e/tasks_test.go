package e2e

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// traceEvent is one event of a demo's exported trace.
type traceEvent struct {
	T      float64 `json:"t"`
	Kind   string  `json:"kind"`
	ID     int     `json:"id"`
	Slot   int     `json:"slot"`
	Detail string  `json:"detail"`
}

// TestTasksPage: the page explains the pattern, shows both demos, and the
// supervised demo run with a bound keeps it: never more alive than
// max_children, refusals counted, every started task ended exactly once.
func TestTasksPage(t *testing.T) {
	p := demoPage(t, "tasks.html", "Task.Supervisor.async_nolink")
	assert.Equal(t, 2, eval[int](p, `playgrounds.length`))
	assert.Equal(t, "bare", eval[string](p, `playgrounds[0].params().mode`))
	assert.Equal(t, "supervised", eval[string](p, `playgrounds[1].params().mode`))

	assert.Empty(t, eval[[]any](p, `playgrounds[1].setParams({max_children: "3", items: "30", interval_ms: "20", fail_rate: "0.3"})`))
	sum := await[map[string]float64](p, `playgrounds[1].run()`)
	assert.LessOrEqual(t, sum["max_running"], 3.0)
	assert.Positive(t, sum["refused"])
	assert.Zero(t, sum["died"], "a supervised crash is contained")
	trace := eval[[]traceEvent](p, `playgrounds[1].trace()`)
	alive, ended := map[int]bool{}, map[int]int{}
	refused := 0
	for _, e := range trace {
		switch e.Kind {
		case "started":
			alive[e.ID] = true
			require.LessOrEqual(t, len(alive), 3, "max_children holds at %v ms", e.T)
		case "finished", "panicked", "failed":
			require.True(t, alive[e.ID], "task %d ends after it started", e.ID)
			delete(alive, e.ID)
			ended[e.ID]++
		case "refused":
			refused++
		}
	}
	assert.Empty(t, alive, "every task ended")
	assert.Equal(t, 30, len(ended)+refused, "every start was either run or refused")
	p.noConsoleErrors()
}

// TestTasksBareDies: in bare mode the first panic ends the program: after
// the death nothing starts and nothing ends but the tasks lost with it,
// at that same instant.
func TestTasksBareDies(t *testing.T) {
	p := demoPage(t, "tasks.html")
	assert.Empty(t, eval[[]any](p, `playgrounds[0].applyPreset("bare, flaky (program dies)")`))
	sum := await[map[string]float64](p, `playgrounds[0].run()`)
	require.Equal(t, 1.0, sum["died"])
	trace := eval[[]traceEvent](p, `playgrounds[0].trace()`)
	died := -1.0
	alive := map[int]bool{}
	for _, e := range trace {
		if died >= 0 {
			require.Equal(t, "cancelled", e.Kind, "only the lost tasks after the death")
			require.Equal(t, died, e.T)
			require.True(t, alive[e.ID])
			delete(alive, e.ID)
			continue
		}
		switch e.Kind {
		case "started":
			alive[e.ID] = true
		case "finished":
			delete(alive, e.ID)
		case "died":
			died = e.T
			delete(alive, e.ID)
		}
	}
	assert.Empty(t, alive, "every task still running was lost")
	assert.Equal(t, sum["lost"], float64(len(trace)-indexOfKind(trace, "died")-1))
	p.noConsoleErrors()
}

func indexOfKind(trace []traceEvent, kind string) int {
	for i, e := range trace {
		if e.Kind == kind {
			return i
		}
	}
	return -1
}

// TestTasksBadURL: bad values in the link are named, and the page reads on.
func TestTasksBadURL(t *testing.T) {
	p := checkBadURL(t, `tasks.html?mode=forever&max_children=-1&fail_rate=2`, "Task.Supervisor.async_nolink",
		"supervised", "from 0 to 10000, or infinity", `got "2"`)
	assert.False(t, p.refusesToRun(1), "the second demo is untouched")
	p.noConsoleErrors()
}

// TestTasksScreens saves the two demos of the page, on a desktop and a
// phone, light and dark: the bare one at its death, the bounded one done.
func TestTasksScreens(t *testing.T) {
	onScreens(t, "tasks.html", func(t *testing.T, p *page, s screen) {
		p.runPresetTo(0, "bare, flaky (program dies)", "1e9")
		p.runPresetTo(1, "max_children bound", "700")
		await[bool](p, nextFrame)
		p.shootDemo(0, "tasks-bare-"+s.name)
		p.shootDemo(1, "tasks-bound-"+s.name)
	})
}
