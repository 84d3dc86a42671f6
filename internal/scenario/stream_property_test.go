package scenario_test

import (
	"math/rand/v2"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/internal/scenario/scenariotest"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// randomStreamParams draws valid stream params, small enough to run fast.
func randomStreamParams(r *rand.Rand) map[string]string {
	lo := r.IntN(200)
	p := map[string]string{
		"items":           strconv.Itoa(1 + r.IntN(120)),
		"max_concurrency": strconv.Itoa(1 + r.IntN(12)),
		"ordered":         strconv.FormatBool(r.IntN(2) == 0),
		"on_timeout":      []string{"exit", "kill_task"}[r.IntN(2)],
		"work_ms_min":     strconv.Itoa(lo),
		"work_ms_max":     strconv.Itoa(lo + r.IntN(300)),
		"fail_rate":       strconv.FormatFloat(r.Float64()*0.4, 'f', 2, 64),
		"seed":            strconv.Itoa(r.IntN(1 << 20)),
		"timeout":         "infinity",
	}
	if r.IntN(3) > 0 {
		p["timeout"] = strconv.Itoa(1 + r.IntN(500))
	}
	return p
}

// TestStreamInvariantsOverManySeeds checks, from the trace alone, the rules
// every run must keep whatever its params.
func TestStreamInvariantsOverManySeeds(t *testing.T) {
	r := rand.New(rand.NewPCG(2026, 11))
	for i := range 60 {
		raw := randomStreamParams(r)
		t.Run(strconv.Itoa(i), func(t *testing.T) {
			run := scenariotest.Run(t, "stream", raw)
			checkStreamTrace(t, run.Values().Int("max_concurrency"), run.Values().Int("items"), raw, run.Trace())
		})
	}
}

func checkStreamTrace(t *testing.T, bound, items int, raw map[string]string, trace []event.Record) {
	t.Helper()
	active := 0
	started := map[int32]time.Duration{}
	ended := map[int32]event.Kind{}
	emitted := []int32{}
	halted := 0
	for _, rec := range trace {
		switch rec.Kind {
		case event.Started:
			require.NotContains(t, started, rec.ID, "item %d started twice", rec.ID)
			started[rec.ID] = rec.At
			active++
			require.LessOrEqual(t, active, bound, "more than max_concurrency at %v", rec.At)
		case event.Finished, event.Failed, event.Panicked, event.TimedOut, event.Cancelled:
			require.Contains(t, started, rec.ID)
			require.NotContains(t, ended, rec.ID, "item %d ended twice", rec.ID)
			ended[rec.ID] = rec.Kind
			active--
			if rec.Kind == event.TimedOut {
				timeout, err := strconv.Atoi(raw["timeout"])
				require.NoError(t, err, "a timeout without a timeout")
				assert.Equal(t, time.Duration(timeout)*time.Millisecond, rec.At-started[rec.ID], "counted from the task's start")
			}
		case event.Emitted:
			require.Contains(t, ended, rec.ID, "emitted before it ended")
			emitted = append(emitted, rec.ID)
		case event.Halted:
			halted++
		}
	}
	assert.Equal(t, 1, halted)
	assert.Zero(t, active, "every started task ended")
	exitedEarly := false
	for _, k := range ended {
		exitedEarly = exitedEarly || (k == event.TimedOut && raw["on_timeout"] == "exit")
	}
	if !exitedEarly {
		assert.Len(t, emitted, items, "every input has exactly one result")
	}
	seen := map[int32]bool{}
	for i, id := range emitted {
		assert.False(t, seen[id], "item %d emitted twice", id)
		seen[id] = true
		if raw["ordered"] == "true" {
			assert.Equal(t, int32(i), id, "ordered results come in input order")
		}
	}
}
