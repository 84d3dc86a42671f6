package scenario_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/scenario/scenariotest"
	"github.com/concurrency-patterns/playground/patterns/event"
)

func TestConsumerScenario(t *testing.T) {
	defer goleak.VerifyNone(t)
	cases := []struct {
		name string
		raw  map[string]string
		want func(t *testing.T, sum map[string]float64)
	}{
		{"defaults: the cap is reached and held", nil, func(t *testing.T, sum map[string]float64) {
			assert.Equal(t, 40.0, sum["produced"])
			assert.Equal(t, 4.0, sum["max_concurrent"])
			assert.Equal(t, 40.0, sum["started"], "temporary: a child a job, whatever its end")
			assert.Positive(t, sum["failed"])
			assert.Zero(t, sum["restarted"])
		}},
		{"one at a time", map[string]string{"max_demand": "1", "jobs": "10", "fail_rate": "0"}, func(t *testing.T, sum map[string]float64) {
			assert.Equal(t, 1.0, sum["max_concurrent"])
			assert.Equal(t, 10.0, sum["ok"])
		}},
		{"fewer jobs than places", map[string]string{"max_demand": "16", "jobs": "5"}, func(t *testing.T, sum map[string]float64) {
			assert.Equal(t, 5.0, sum["max_concurrent"])
		}},
		{"transient children run again", map[string]string{"restart": "transient", "fail_rate": "0.2", "max_restarts": "100", "max_seconds": "1"},
			func(t *testing.T, sum map[string]float64) {
				assert.Positive(t, sum["restarted"])
				assert.Zero(t, sum["failed"])
				assert.Equal(t, 40.0, sum["ok"], "every job done in the end")
				assert.Zero(t, sum["gave_up"])
			}},
		{"too many restarts: the supervisor gives up", map[string]string{"restart": "transient", "fail_rate": "0.5", "jobs": "200"},
			func(t *testing.T, sum map[string]float64) {
				assert.Equal(t, 1.0, sum["gave_up"])
				assert.Equal(t, 3.0, sum["restarted"], "max_restarts of them, then the one too many")
				assert.Equal(t, 1.0, sum["failed"])
				assert.Less(t, sum["produced"], 200.0)
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			run := scenariotest.Run(t, "consumer", tc.raw)
			sum := run.Summary()
			t.Log(sum)
			tc.want(t, sum)
			checkConsumerTrace(t, run)
		})
	}
}

func TestConsumerScenarioIsRepeatable(t *testing.T) {
	raw := map[string]string{"jobs": "60", "max_demand": "3", "fail_rate": "0.3", "seed": "8"}
	a, b := scenariotest.Run(t, "consumer", raw).Summary(), scenariotest.Run(t, "consumer", raw).Summary()
	assert.Equal(t, a, b)
	raw["seed"] = "9"
	assert.NotEqual(t, a, scenariotest.Run(t, "consumer", raw).Summary())
}

func TestConsumerParamsRejected(t *testing.T) {
	cases := []struct {
		raw         map[string]string
		param, want string
	}{
		{map[string]string{"max_demand": "0"}, "max_demand", "max_demand: must be a whole number from 1 to 64, got \"0\""},
		{map[string]string{"jobs": "2001"}, "jobs", "jobs: must be a whole number from 1 to 2000"},
		{map[string]string{"restart": "permanent"}, "restart", "restart: must be one of temporary, transient, got \"permanent\""},
		{map[string]string{"max_demand": "4", "min_demand": "4"}, "min_demand", "min_demand: must be less than max_demand (4), got 4"},
		{map[string]string{"fail_rate": "1.5"}, "fail_rate", "fail_rate: must be a number from 0 to 1"},
		{map[string]string{"work_ms_min": "9", "work_ms_max": "3"}, "work_ms_min", "work_ms_min: must not exceed work_ms_max (3), got 9"},
	}
	for _, tc := range cases {
		t.Run(tc.param, func(t *testing.T) {
			_, errs := scenario.Consumer.Parse(tc.raw)
			require.Len(t, errs, 1)
			assert.Equal(t, tc.param, errs[0].Param)
			assert.Contains(t, errs[0].Error(), tc.want)
		})
	}
}

func TestConsumerScenarioStoppedEarly(t *testing.T) {
	defer goleak.VerifyNone(t)
	v, errs := scenario.Consumer.Parse(map[string]string{"jobs": "500", "max_demand": "8"})
	require.Empty(t, errs)
	synctest.Test(t, func(t *testing.T) {
		run := scenario.Consumer.Start(v)
		for range 40 {
			synctest.Wait()
			require.True(t, run.Step())
		}
		run.Stop()
		err := run.Complete(synctest.Wait)
		require.True(t, errors.Is(err, context.Canceled), "%v", err)
		sum := run.Summary()
		assert.Positive(t, sum["stopped"], "the children running were cut short")
		assert.Less(t, sum["produced"], 500.0)
		checkConsumerTrace(t, run)
	})
}

// TestConsumerScenarioInvariants runs random valid parameters over many
// seeds: every child is accounted for, no more children run at once than
// max_demand, no lane holds two children, and no goroutine is left.
func TestConsumerScenarioInvariants(t *testing.T) {
	defer goleak.VerifyNone(t)
	r := rand.New(rand.NewPCG(7, 2026))
	for i := range 60 {
		maxDemand := 1 + r.IntN(12)
		raw := map[string]string{
			"jobs":         strconv.Itoa(1 + r.IntN(150)),
			"max_demand":   strconv.Itoa(maxDemand),
			"min_demand":   strconv.Itoa(r.IntN(maxDemand)),
			"restart":      []string{"temporary", "transient"}[r.IntN(2)],
			"max_restarts": strconv.Itoa(r.IntN(8)),
			"max_seconds":  strconv.Itoa(1 + r.IntN(5)),
			"work_ms_min":  strconv.Itoa(r.IntN(50)),
			"work_ms_max":  strconv.Itoa(50 + r.IntN(400)),
			"fail_rate":    fmt.Sprint([]float64{0, 0.05, 0.3, 1}[r.IntN(4)]),
			"seed":         strconv.Itoa(r.IntN(1000)),
		}
		t.Run(strconv.Itoa(i), func(t *testing.T) {
			run := scenariotest.Run(t, "consumer", raw)
			sum := run.Summary()
			assert.LessOrEqual(t, sum["max_concurrent"], float64(maxDemand), "%v", raw)
			if sum["gave_up"] == 0 {
				assert.Equal(t, sum["jobs"], sum["produced"], "%v", raw)
				assert.Equal(t, sum["produced"], sum["ok"]+sum["failed"], "every job done or failed for good: %v", raw)
			}
			checkConsumerTrace(t, run)
		})
	}
}

// checkConsumerTrace checks what every run must hold: each child started
// exits once (started = ok + failed + restarted + stopped), the children
// running never exceed max_demand, a lane holds one child at a time, and
// each child's job events pair with the library's child events.
func checkConsumerTrace(t *testing.T, run *scenario.Run) {
	t.Helper()
	v, sum := run.Values(), run.Summary()
	assert.Equal(t, sum["started"], sum["ok"]+sum["failed"]+sum["restarted"]+sum["stopped"], "%v", sum)
	running, began, ended := 0, 0, 0
	lanes := map[int32]int32{} // lane → job
	for _, r := range run.Trace() {
		switch r.Kind {
		case event.EventChildStarted:
			running++
			require.Equal(t, running, int(r.N), "the supervisor's count of its children")
			require.LessOrEqual(t, running, v.Int("max_demand"))
		case event.EventChildExited:
			running--
			require.Equal(t, running, int(r.N))
		case scenario.JobBegan:
			began++
			_, busy := lanes[r.Slot]
			require.False(t, busy, "lane %d holds job %d already", r.Slot, lanes[r.Slot])
			require.Less(t, int(r.Slot), v.Int("max_demand"))
			lanes[r.Slot] = r.ID
		case scenario.JobEnded:
			ended++
			require.Equal(t, r.ID, lanes[r.Slot])
			delete(lanes, r.Slot)
		}
	}
	assert.Zero(t, running, "every child heard to exit")
	assert.Equal(t, int(sum["started"]), began)
	assert.Equal(t, began, ended)
}
