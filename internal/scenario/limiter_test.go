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
)

func TestLimiterScenarioDefaults(t *testing.T) {
	run := scenariotest.Run(t, "limiter", nil)
	sum := run.Summary()
	assert.Equal(t, 30.0, sum["items"])
	assert.Equal(t, 30.0, sum["granted"], "nobody waits 5 s at the default load")
	assert.Zero(t, sum["gave_up"])
	assert.Equal(t, 3.0, sum["max_active"], "the bound is reached, never passed")
	assert.Positive(t, sum["max_waiting"])
	assert.Positive(t, sum["virtual_ms"])
	checkLimiterTrace(t, run.Values().Int("max"), run.Values().Int("items"), -1, run.Trace())
}

func TestLimiterScenarioOutcomes(t *testing.T) {
	cases := []struct {
		name  string
		raw   map[string]string
		check func(t *testing.T, sum map[string]float64)
	}{
		{"overloaded callers give up at their timeout",
			map[string]string{"items": "100", "rate": "100", "max": "2", "timeout": "300"},
			func(t *testing.T, sum map[string]float64) {
				assert.Positive(t, sum["gave_up"])
				assert.Positive(t, sum["granted"])
			}},
		{"no timeout: everybody is served in the end",
			map[string]string{"items": "100", "rate": "100", "max": "2", "timeout": "infinity"},
			func(t *testing.T, sum map[string]float64) {
				assert.Equal(t, 100.0, sum["granted"])
				assert.Greater(t, sum["max_waiting"], 50.0)
			}},
		{"crashing holders still release their slots",
			map[string]string{"items": "60", "rate": "50", "max": "4", "fail_rate": "1", "timeout": "infinity"},
			func(t *testing.T, sum map[string]float64) {
				assert.Equal(t, 60.0, sum["granted"])
				assert.Equal(t, 4.0, sum["max_active"])
			}},
		{"a slow trickle never queues",
			map[string]string{"items": "10", "rate": "1", "max": "1", "work_ms_max": "900"},
			func(t *testing.T, sum map[string]float64) {
				assert.Equal(t, 10.0, sum["granted"])
				assert.Zero(t, sum["max_waiting"])
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			run := scenariotest.Run(t, "limiter", tc.raw)
			sum := run.Summary()
			assert.Equal(t, sum["items"], sum["granted"]+sum["gave_up"], "%v", sum)
			tc.check(t, sum)
			timeout := -1
			if d, ok := run.Values().Duration("timeout"); ok {
				timeout = int(d / time.Millisecond)
			}
			checkLimiterTrace(t, run.Values().Int("max"), run.Values().Int("items"), timeout, run.Trace())
			if tc.raw["fail_rate"] == "1" {
				crashed := 0
				for _, r := range run.Trace() {
					if r.Kind == event.Released && r.Detail != "" {
						crashed++
						assert.Contains(t, r.Detail, "panic")
					}
				}
				assert.Equal(t, 60, crashed)
			}
		})
	}
}

func TestLimiterScenarioIsRepeatable(t *testing.T) {
	raw := map[string]string{"items": "200", "rate": "80", "max": "3", "timeout": "400", "fail_rate": "0.2", "seed": "9"}
	a, b := scenariotest.Run(t, "limiter", raw), scenariotest.Run(t, "limiter", raw)
	assert.Equal(t, a.Summary(), b.Summary())
	assert.Equal(t, limiterFates(a.Trace()), limiterFates(b.Trace()), "each caller meets the same fate at the same time")
	raw["seed"] = "10"
	assert.NotEqual(t, limiterFates(a.Trace()), limiterFates(scenariotest.Run(t, "limiter", raw).Trace()))
}

// limiterFates maps each caller to how and when it got (or missed) a slot.
func limiterFates(trace []event.Record) map[int32]string {
	out := map[int32]string{}
	for _, r := range trace {
		switch r.Kind {
		case event.Acquired, event.Granted, event.GaveUp:
			out[r.ID] = r.Kind.String() + "@" + r.At.String()
		}
	}
	return out
}

func TestLimiterScenarioInvariantsOverManySeeds(t *testing.T) {
	r := rand.New(rand.NewPCG(2026, 5))
	for i := range 60 {
		lo := r.IntN(200)
		raw := map[string]string{
			"items":       strconv.Itoa(1 + r.IntN(150)),
			"rate":        strconv.Itoa(1 + r.IntN(200)),
			"max":         strconv.Itoa(1 + r.IntN(8)),
			"work_ms_min": strconv.Itoa(lo),
			"work_ms_max": strconv.Itoa(lo + r.IntN(400)),
			"timeout":     "infinity",
			"fail_rate":   strconv.FormatFloat(r.Float64()*0.3, 'f', 2, 64),
			"seed":        strconv.Itoa(r.IntN(1 << 20)),
		}
		timeout := -1
		if r.IntN(3) > 0 {
			timeout = 1 + r.IntN(600)
			raw["timeout"] = strconv.Itoa(timeout)
		}
		t.Run(strconv.Itoa(i), func(t *testing.T) {
			run := scenariotest.Run(t, "limiter", raw)
			sum := run.Summary()
			assert.Equal(t, sum["items"], sum["granted"]+sum["gave_up"], "%v", sum)
			assert.LessOrEqual(t, sum["max_active"], float64(run.Values().Int("max")))
			checkLimiterTrace(t, run.Values().Int("max"), run.Values().Int("items"), timeout, run.Trace())
		})
	}
}

// checkLimiterTrace replays a limiter run against a model of its queue:
// never more than max hold a slot, nobody overtakes a waiter, slots go to
// the head of the queue, every caller is granted or gives up exactly once,
// and a caller gives up exactly timeout ms after it queued (timeout -1:
// never).
func checkLimiterTrace(t *testing.T, max, items, timeout int, trace []event.Record) {
	t.Helper()
	var queue []int32
	queuedAt := map[int32]time.Duration{}
	fate := map[int32]string{}
	active := 0
	for i, r := range trace {
		at := "record " + strconv.Itoa(i) + ": " + r.Kind.String() + " " + strconv.Itoa(int(r.ID))
		switch r.Kind {
		case event.Acquired:
			require.Empty(t, queue, "barging at %s", at)
			require.NotContains(t, fate, r.ID, at)
			fate[r.ID] = "granted"
			active++
		case event.Queued:
			require.NotContains(t, fate, r.ID, at)
			queue = append(queue, r.ID)
			queuedAt[r.ID] = r.At
			fate[r.ID] = "waiting"
		case event.Granted:
			require.NotEmpty(t, queue, at)
			require.Equal(t, queue[0], r.ID, "not the head at %s", at)
			queue = queue[1:]
			fate[r.ID] = "granted"
			active++
		case event.Released:
			active--
		case event.GaveUp:
			require.Positive(t, timeout, "gave up with no timeout at %s", at)
			require.Equal(t, time.Duration(timeout)*time.Millisecond, r.At-queuedAt[r.ID], "gave up at its timeout: %s", at)
			if j := slices.Index(queue, r.ID); j >= 0 {
				queue = slices.Delete(queue, j, j+1)
			}
			fate[r.ID] = "gave_up"
		}
		require.LessOrEqual(t, active, max, at)
	}
	assert.Zero(t, active, "every slot released")
	assert.Empty(t, queue)
	assert.Len(t, fate, items)
	for id, f := range fate {
		assert.Contains(t, []string{"granted", "gave_up"}, f, "caller %d", id)
	}
}
