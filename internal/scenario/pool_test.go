package scenario_test

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/internal/scenario/scenariotest"
	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/pool"
)

func TestPoolScenarioDefaults(t *testing.T) {
	run := scenariotest.Run(t, "pool", nil)
	sum := run.Summary()
	assert.Equal(t, 60.0, sum["items"])
	assert.Equal(t, 60.0, sum["served"])
	assert.Zero(t, sum["timed_out"])
	assert.Positive(t, sum["overflow_max"], "40 callers a second need more than 5 workers")
	assert.LessOrEqual(t, sum["overflow_max"], 10.0)
	assert.Zero(t, sum["replaced"])
	checkPoolTrace(t, run.Values(), run.Trace())
}

func TestPoolScenarioOutcomes(t *testing.T) {
	cases := []struct {
		name  string
		raw   map[string]string
		check func(t *testing.T, sum map[string]float64)
	}{
		{"no overflow: callers wait, and time out",
			map[string]string{"items": "100", "rate": "100", "size": "2", "max_overflow": "0", "timeout": "300"},
			func(t *testing.T, sum map[string]float64) {
				assert.Zero(t, sum["overflow_max"])
				assert.Positive(t, sum["timed_out"])
				assert.Positive(t, sum["max_waiting"])
			}},
		{"overflow takes the load",
			map[string]string{"items": "100", "rate": "20", "size": "2", "max_overflow": "20"},
			func(t *testing.T, sum map[string]float64) {
				assert.Zero(t, sum["max_waiting"])
				assert.Equal(t, 100.0, sum["served"])
				assert.Positive(t, sum["overflow_max"])
			}},
		{"dying workers are replaced",
			map[string]string{"items": "80", "rate": "40", "size": "3", "max_overflow": "0", "fail_rate": "0.5", "timeout": "infinity"},
			func(t *testing.T, sum map[string]float64) {
				assert.Equal(t, 80.0, sum["served"])
				assert.Positive(t, sum["replaced"])
			}},
		{"fifo", map[string]string{"strategy": "fifo", "items": "50"},
			func(t *testing.T, sum map[string]float64) { assert.Equal(t, 50.0, sum["served"]) }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			run := scenariotest.Run(t, "pool", tc.raw)
			sum := run.Summary()
			assert.Equal(t, sum["items"], sum["served"]+sum["timed_out"], "%v", sum)
			tc.check(t, sum)
			checkPoolTrace(t, run.Values(), run.Trace())
		})
	}
}

func TestPoolScenarioStrategyPicksTheWorker(t *testing.T) {
	// One caller every 100 ms, each busy 250 ms: three workers in turn. With
	// lifo the worker just checked in goes out again; with fifo every
	// worker gets its turn.
	lanes := func(strategy string) map[int32]bool {
		run := scenariotest.Run(t, "pool", map[string]string{"items": "20", "rate": "10", "size": "4", "max_overflow": "0",
			"work_ms_min": "250", "work_ms_max": "250", "strategy": strategy})
		used := map[int32]bool{}
		for _, r := range run.Trace() {
			if r.Kind == event.CheckedOut {
				used[r.Slot] = true
			}
		}
		return used
	}
	assert.Len(t, lanes("lifo"), 3)
	assert.Len(t, lanes("fifo"), 4)
}

func TestPoolScenarioIsRepeatable(t *testing.T) {
	raw := map[string]string{"items": "150", "rate": "60", "size": "2", "max_overflow": "3", "timeout": "250", "fail_rate": "0.2", "seed": "4"}
	a, b := scenariotest.Run(t, "pool", raw), scenariotest.Run(t, "pool", raw)
	assert.Equal(t, a.Summary(), b.Summary())
	assert.Equal(t, poolFates(a.Trace()), poolFates(b.Trace()))
}

func poolFates(trace []event.Record) map[int32]string {
	out := map[int32]string{}
	for _, r := range trace {
		switch r.Kind {
		case event.CheckedOut, event.CheckoutFailed:
			out[r.ID] = r.Kind.String() + "@" + r.At.String()
		}
	}
	return out
}

func TestPoolScenarioInvariantsOverManySeeds(t *testing.T) {
	r := rand.New(rand.NewPCG(2026, 6))
	for i := range 60 {
		lo := r.IntN(200)
		raw := map[string]string{
			"items":        strconv.Itoa(1 + r.IntN(150)),
			"rate":         strconv.Itoa(1 + r.IntN(200)),
			"size":         strconv.Itoa(1 + r.IntN(5)),
			"max_overflow": strconv.Itoa(r.IntN(5)),
			"strategy":     []string{"lifo", "fifo"}[r.IntN(2)],
			"work_ms_min":  strconv.Itoa(lo),
			"work_ms_max":  strconv.Itoa(lo + r.IntN(400)),
			"timeout":      "infinity",
			"fail_rate":    strconv.FormatFloat(r.Float64()*0.4, 'f', 2, 64),
			"seed":         strconv.Itoa(r.IntN(1 << 20)),
		}
		if r.IntN(3) > 0 {
			raw["timeout"] = strconv.Itoa(1 + r.IntN(600))
		}
		t.Run(strconv.Itoa(i), func(t *testing.T) {
			run := scenariotest.Run(t, "pool", raw)
			sum := run.Summary()
			assert.Equal(t, sum["items"], sum["served"]+sum["timed_out"], "%v", sum)
			assert.LessOrEqual(t, sum["overflow_max"], float64(run.Values().Int("max_overflow")))
			checkPoolTrace(t, run.Values(), run.Trace())
		})
	}
}

// checkPoolTrace replays a pool run: workers never exceed size +
// max_overflow, waiters are served from the head and nobody overtakes
// them, every caller is served or times out exactly once (at its timeout),
// and every worker is stopped when the run ends.
func checkPoolTrace(t *testing.T, v interface{ Int(string) int }, trace []event.Record) {
	t.Helper()
	bound := v.Int("size") + v.Int("max_overflow")
	timeout := v.Int("timeout") // math.MaxInt for infinity
	lanes := map[int32]bool{}
	var queue []int32
	queuedAt := map[int32]time.Duration{}
	fate := map[int32]string{}
	// leave takes a served caller out of the queue: it must be the head, or
	// nobody may be waiting.
	leave := func(id int32, at string) {
		if len(queue) > 0 && queue[0] == id {
			queue = queue[1:]
			return
		}
		require.Empty(t, queue, "barging or out of turn at %s", at)
	}
	for i, r := range trace {
		at := "record " + strconv.Itoa(i) + ": " + r.Kind.String() + " " + strconv.Itoa(int(r.ID))
		switch r.Kind {
		case event.WorkerStarted:
			lanes[r.Slot] = true
		case event.WorkerReplaced, event.OverflowStarted: // a worker is made for caller r.ID
			lanes[r.Slot] = true
			require.LessOrEqual(t, len(lanes), bound, at)
			if r.ID < 0 { // by the pool itself, for a dead worker, nobody waiting
				break
			}
			require.NotContains(t, fate, r.ID, at)
			leave(r.ID, at)
			fate[r.ID] = "creating"
		case event.CheckedOut:
			if fate[r.ID] != "creating" {
				require.NotContains(t, fate, r.ID, at)
				leave(r.ID, at)
			}
			fate[r.ID] = "served"
		case event.CheckoutWaiting:
			queue = append(queue, r.ID)
			queuedAt[r.ID] = r.At
		case event.CheckoutFailed:
			require.Equal(t, pool.ErrTimeout.Error(), r.Detail, at)
			require.Equal(t, time.Duration(timeout)*time.Millisecond, r.At-queuedAt[r.ID], at)
			queue = slices.DeleteFunc(queue, func(id int32) bool { return id == r.ID })
			require.NotContains(t, fate, r.ID, at)
			fate[r.ID] = "timed_out"
		case event.WorkerDied, event.OverflowDismissed, event.WorkerStopped:
			delete(lanes, r.Slot)
		}
	}
	assert.Empty(t, lanes, "every worker stopped at the end")
	assert.Empty(t, queue)
	assert.Len(t, fate, v.Int("items"))
	for id, f := range fate {
		assert.Contains(t, []string{"served", "timed_out"}, f, "caller %d", id)
	}
}
