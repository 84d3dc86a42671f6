package scenario_test

import (
	"os"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/scenario/scenariotest"
	"github.com/concurrency-patterns/playground/patterns/event"
)

func TestStreamScenarioBoundsConcurrency(t *testing.T) {
	run := scenariotest.Run(t, "stream", map[string]string{"items": "50", "max_concurrency": "3", "seed": "7"})
	sum := run.Summary()
	assert.Equal(t, 3.0, sum["max_active"])
	assert.Equal(t, 50.0, sum["ok"])
	emitted := map[int32]int{}
	for _, r := range run.Trace() {
		if r.Kind == event.Emitted {
			emitted[r.ID]++
		}
	}
	assert.Len(t, emitted, 50)
	for id, n := range emitted {
		assert.Equal(t, 1, n, "item %d", id)
	}
	t.Log(sum)
}

func TestStreamScenarioIsRepeatable(t *testing.T) {
	raw := map[string]string{"items": "200", "max_concurrency": "7", "fail_rate": "0.2", "timeout": "300",
		"on_timeout": "kill_task", "work_ms_min": "10", "work_ms_max": "400", "seed": "42"}
	a, b := scenariotest.Run(t, "stream", raw), scenariotest.Run(t, "stream", raw)
	assert.Equal(t, a.Summary(), b.Summary())
	assert.Equal(t, outcomes(a.Trace()), outcomes(b.Trace()), "each item meets the same fate at the same virtual time")

	raw["seed"] = "43"
	assert.NotEqual(t, outcomes(a.Trace()), outcomes(scenariotest.Run(t, "stream", raw).Trace()))
}

// outcomes maps each item to how and when its task ended.
func outcomes(trace []event.Record) map[int32]string {
	out := map[int32]string{}
	for _, r := range trace {
		switch r.Kind {
		case event.Finished, event.Panicked, event.TimedOut, event.Failed:
			out[r.ID] = r.Kind.String() + "@" + r.At.String()
		}
	}
	return out
}

func TestStreamScenarioAccountsForEveryItem(t *testing.T) {
	cases := []struct {
		name string
		raw  map[string]string
	}{
		{"crashes", map[string]string{"items": "300", "fail_rate": "0.3", "max_concurrency": "5"}},
		{"kill_task timeouts, unordered", map[string]string{"items": "300", "timeout": "200", "on_timeout": "kill_task", "ordered": "false"}},
		{"1000 items", map[string]string{"items": "1000", "max_concurrency": "50", "work_ms_min": "0", "work_ms_max": "5"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			run := scenariotest.Run(t, "stream", tc.raw)
			sum := run.Summary()
			n := sum["items"]
			assert.Equal(t, n, sum["ok"]+sum["failed"]+sum["timed_out"], "%v", sum)
			assert.Zero(t, sum["cancelled"])
			assert.LessOrEqual(t, sum["max_active"], float64(run.Values().Int("max_concurrency")))
			assert.Positive(t, sum["virtual_ms"])
			emitted := map[int32]int{}
			for _, r := range run.Trace() {
				if r.Kind == event.Emitted {
					emitted[r.ID]++
				}
			}
			assert.Len(t, emitted, int(n))
		})
	}
}

func TestStreamScenarioExitStopsAtTheFirstTimeout(t *testing.T) {
	run := scenariotest.Run(t, "stream", map[string]string{"items": "100", "timeout": "300", "work_ms_max": "400", "seed": "3"})
	sum := run.Summary()
	assert.Less(t, sum["ok"], 100.0)
	trace := run.Trace()
	var first time.Duration = -1
	for _, r := range trace {
		if r.Kind == event.TimedOut {
			if first < 0 {
				first = r.At
			}
			assert.Equal(t, first, r.At, "only tasks timing out at the very same instant")
		}
	}
	assert.Positive(t, first)
	last := trace[len(trace)-1]
	assert.Equal(t, event.Halted, last.Kind)
	assert.Contains(t, last.Detail, "timeout")
}

// TestMeasureStreamScenario reports how long 1,000 items take natively (set
// PLAYGROUND_MEASURE=1; `make bench` does). A benchmark cannot open a
// synctest bubble, so the measurement runs inside a test.
func TestMeasureStreamScenario(t *testing.T) {
	if os.Getenv("PLAYGROUND_MEASURE") == "" {
		t.Skip("set PLAYGROUND_MEASURE=1 to measure")
	}
	v, _ := scenario.Stream.Parse(map[string]string{"items": "1000", "max_concurrency": "50"})
	res := testing.Benchmark(func(b *testing.B) {
		for b.Loop() {
			synctest.Test(t, func(t *testing.T) {
				require.NoError(t, scenario.Stream.Start(v).Complete(synctest.Wait))
			})
		}
	})
	t.Logf("stream scenario, 1000 items, max_concurrency 50: %v per run, %d allocs per run", time.Duration(res.NsPerOp()), res.AllocsPerOp())
}
