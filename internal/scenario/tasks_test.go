package scenario_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/scenario/scenariotest"
	"github.com/concurrency-patterns/playground/patterns/event"
)

func TestTasksSupervisedCrashesStayIsolated(t *testing.T) {
	run := scenariotest.Run(t, "tasks", map[string]string{"items": "40", "fail_rate": "0.3", "seed": "5"})
	s := run.Summary()
	assert.Positive(t, s["crashed"])
	assert.Equal(t, 40.0, s["ok"]+s["crashed"], "%v", s)
	assert.Zero(t, s["died"])
	assert.Zero(t, s["lost"])
}

func TestTasksBareCrashTakesTheProgramDown(t *testing.T) {
	run := scenariotest.Run(t, "tasks", map[string]string{"mode": "bare", "items": "40", "fail_rate": "0.3", "seed": "5"})
	s := run.Summary()
	assert.Equal(t, 1.0, s["died"], "%v", s)
	assert.Less(t, s["ok"], 40.0)
	died := 0
	for _, r := range run.Trace() {
		if r.Kind == scenario.Died {
			died++
			assert.Contains(t, r.Detail, "whole program")
		}
	}
	assert.Equal(t, 1, died, "the first panic ends everything")
}

func TestTasksMaxChildrenRefuses(t *testing.T) {
	run := scenariotest.Run(t, "tasks", map[string]string{"items": "30", "interval_ms": "10", "max_children": "3", "fail_rate": "0"})
	s := run.Summary()
	assert.Equal(t, 3.0, s["max_running"])
	assert.Positive(t, s["refused"])
	assert.Equal(t, 30.0, s["ok"]+s["refused"], "%v", s)
}

func TestTimeoutScenario(t *testing.T) {
	run := scenariotest.Run(t, "timeout", map[string]string{"items": "60", "timeout": "500", "shutdown": "200",
		"work_ms_min": "100", "work_ms_max": "1000", "stubborn_rate": "0.3", "seed": "9"})
	s := run.Summary()
	assert.Positive(t, s["timed_out"], "%v", s)
	assert.Positive(t, s["abandoned"])
	assert.Equal(t, 60.0, s["ok"]+s["timed_out"]+s["abandoned"]+s["late"]+s["crashed"], "every caller got an answer: %v", s)
}

func TestTimeoutBrutalKillAbandonsAtOnce(t *testing.T) {
	run := scenariotest.Run(t, "timeout", map[string]string{"items": "20", "timeout": "100", "shutdown": "0",
		"work_ms_min": "500", "work_ms_max": "600", "stubborn_rate": "1"})
	s := run.Summary()
	assert.Equal(t, 20.0, s["abandoned"], "%v", s)
	started := map[int32]float64{}
	for _, r := range run.Trace() {
		switch r.Kind {
		case event.Started:
			started[r.ID] = float64(r.At.Milliseconds())
		case event.Abandoned:
			assert.Equal(t, started[r.ID]+100, float64(r.At.Milliseconds()), "abandoned as soon as the yield ran out")
		}
	}
}
