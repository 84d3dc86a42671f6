package scenario_test

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
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

func TestStageScenarioDefaults(t *testing.T) {
	defer goleak.VerifyNone(t)
	run := scenariotest.Run(t, "stage", nil)
	sum := run.Summary()
	t.Log(sum)
	assert.Equal(t, 200.0, sum["items"])
	assert.Equal(t, 200.0, sum["produced"])
	assert.Equal(t, 200.0, sum["processed"])
	assert.Zero(t, sum["dropped"], "a pull producer makes only what was asked")
	assert.Zero(t, sum["max_buffer"])
	assert.LessOrEqual(t, sum["max_in_flight"], 4*10.0, "consumers × max_demand")
	assert.GreaterOrEqual(t, sum["batches"], 10.0)
	assert.GreaterOrEqual(t, sum["demand_asked"], 200.0)
	assert.Positive(t, sum["virtual_ms"])
	checkStageTrace(t, run, true)
}

func TestStageScenarioIsRepeatable(t *testing.T) {
	// One processor and a pull producer: every step has one cause, so two
	// runs have the same events at the same virtual times (stages acting
	// at one instant may report in either order).
	raw := map[string]string{"items": "300", "consumers": "1", "fail_rate": "0.2", "max_demand": "7",
		"min_demand": "2", "batch_size": "9", "batch_timeout": "100000", "seed": "5"}
	a, b := scenariotest.Run(t, "stage", raw), scenariotest.Run(t, "stage", raw)
	assert.Equal(t, a.Summary(), b.Summary())
	assert.Equal(t, sortedTrace(a), sortedTrace(b))
	raw["seed"] = "6"
	assert.NotEqual(t, a.Summary(), scenariotest.Run(t, "stage", raw).Summary())
}

func TestStageScenarioWithRacesAgreesOnTotals(t *testing.T) {
	// Several processors (and a pushing producer) can act at the same
	// virtual instant; which goes first may change which processor gets
	// which events, but not the totals the workload fixes.
	raw := map[string]string{"items": "300", "consumers": "3", "fail_rate": "0.1", "rate": "40",
		"buffer_size": "1000", "batch_size": "7", "batch_timeout": "300", "seed": "5"}
	for range 3 {
		sum := scenariotest.Run(t, "stage", raw).Summary()
		assert.Equal(t, 300.0, sum["produced"])
		assert.Zero(t, sum["dropped"])
		assert.Equal(t, 300.0, sum["processed"]+sum["failed"])
	}
}

func TestStageScenarioPushProducerDropsWhenConsumersFallBehind(t *testing.T) {
	run := scenariotest.Run(t, "stage", map[string]string{"items": "500", "rate": "200", "buffer_size": "25",
		"consumers": "2", "work_ms_min": "20", "work_ms_max": "40"})
	sum := run.Summary()
	t.Log(sum)
	assert.Equal(t, 500.0, sum["produced"])
	assert.Positive(t, sum["dropped"])
	assert.Equal(t, 25.0, sum["max_buffer"])
	assert.Equal(t, 500.0, sum["processed"]+sum["dropped"])
	checkStageTrace(t, run, true)
}

func TestStageScenarioBatchTimeout(t *testing.T) {
	// A slow trickle never fills a batch of 50: every batch times out.
	run := scenariotest.Run(t, "stage", map[string]string{"items": "30", "rate": "5", "batch_size": "50",
		"batch_timeout": "700", "work_ms_min": "0", "work_ms_max": "0"})
	sum := run.Summary()
	assert.Equal(t, 30.0, sum["processed"])
	var reasons []string
	for _, r := range run.Trace() {
		if r.Kind == event.BatchFlushed {
			reasons = append(reasons, r.Detail)
		}
	}
	require.NotEmpty(t, reasons)
	for _, why := range reasons[:len(reasons)-1] {
		assert.Equal(t, "timeout", why)
	}
}

func TestStageScenarioMinDemandMustBeBelowMaxDemand(t *testing.T) {
	_, errs := scenario.Stage.Parse(map[string]string{"max_demand": "10", "min_demand": "10"})
	require.Len(t, errs, 1)
	assert.Equal(t, "min_demand", errs[0].Param)
	assert.Equal(t, "min_demand: must be less than max_demand (10), got 10", errs[0].Error())
}

func TestStageParamsRejected(t *testing.T) {
	cases := []struct{ param, value, want string }{
		{"consumers", "0", "consumers: must be a whole number from 1 to 64"},
		{"rate", "-1", "rate: must be a whole number from 0 to 100000"},
		{"max_demand", "0", "max_demand: must be a whole number from 1 to 10000"},
		{"buffer_size", "-5", "buffer_size: must be a whole number from 0 to 100000"},
		{"batch_timeout", "0", "batch_timeout: must be a whole number of milliseconds from 1 to 3600000"},
		{"batch_timeout", "infinity", "batch_timeout: must be"},
	}
	for _, tc := range cases {
		t.Run(tc.param+"="+tc.value, func(t *testing.T) {
			_, errs := scenario.Stage.Parse(map[string]string{tc.param: tc.value})
			require.Len(t, errs, 1)
			assert.Contains(t, errs[0].Error(), tc.want)
		})
	}
	_, errs := scenario.Stage.Parse(map[string]string{"work_ms_min": "9", "work_ms_max": "3"})
	require.Len(t, errs, 1)
	assert.Equal(t, "work_ms_min", errs[0].Param)
}

func TestStageScenarioStoppedEarlyAccountsForEveryEvent(t *testing.T) {
	s, _ := scenario.Lookup("stage")
	v, errs := s.Parse(map[string]string{"items": "2000", "rate": "500", "buffer_size": "100"})
	require.Empty(t, errs)
	synctest.Test(t, func(t *testing.T) {
		run := s.Start(v)
		for range 300 {
			synctest.Wait()
			require.True(t, run.Step())
		}
		run.Stop()
		err := run.Complete(synctest.Wait)
		require.True(t, errors.Is(err, context.Canceled), "%v", err)
		sum := run.Summary()
		assert.Less(t, sum["produced"], 2000.0)
		checkStageTrace(t, run, false)
	})
}

// TestStageScenarioInvariants runs random valid parameters over many seeds
// and checks what must always hold: no processor is sent more than it
// asked for or holds more than max_demand; the buffer stays within
// buffer_size; every event the producer made is processed, failed or
// dropped, and every processed event is batched; no goroutine is left.
func TestStageScenarioInvariants(t *testing.T) {
	defer goleak.VerifyNone(t)
	r := rand.New(rand.NewPCG(2024, 11))
	for i := range 60 {
		max := 1 + r.IntN(30)
		raw := map[string]string{
			"items":         strconv.Itoa(1 + r.IntN(400)),
			"rate":          strconv.Itoa([]int{0, 0, 20 + r.IntN(2000)}[r.IntN(3)]),
			"max_demand":    strconv.Itoa(max),
			"min_demand":    strconv.Itoa(r.IntN(max)),
			"buffer_size":   strconv.Itoa(r.IntN(80)),
			"consumers":     strconv.Itoa(1 + r.IntN(6)),
			"batch_size":    strconv.Itoa(1 + r.IntN(60)),
			"batch_timeout": strconv.Itoa(1 + r.IntN(2000)),
			"work_ms_min":   strconv.Itoa(r.IntN(20)),
			"work_ms_max":   strconv.Itoa(20 + r.IntN(100)),
			"fail_rate":     fmt.Sprint([]float64{0, 0.05, 0.3}[r.IntN(3)]),
			"seed":          strconv.Itoa(r.IntN(1000)),
		}
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			run := scenariotest.Run(t, "stage", raw)
			sum := run.Summary()
			assert.Equal(t, sum["items"], sum["produced"], "%v", raw)
			assert.Equal(t, sum["produced"], sum["processed"]+sum["failed"]+sum["dropped"], "%v", raw)
			assert.LessOrEqual(t, sum["max_buffer"], float64(run.Values().Int("buffer_size")))
			assert.LessOrEqual(t, sum["max_in_flight"], float64(run.Values().Int("consumers")*max))
			checkStageTrace(t, run, true)
		})
	}
}

// checkStageTrace checks a run's trace edge by edge: demand is never
// exceeded, a processor never holds more than max_demand, and the batcher
// flushes exactly what the processors passed on when the run finished.
func checkStageTrace(t *testing.T, run *scenario.Run, finished bool) {
	t.Helper()
	v := run.Values()
	type edge struct{ consumer, producer int32 }
	asked, sent, held := map[edge]int{}, map[edge]int{}, map[edge]int{}
	batcher := int32(v.Int("consumers") + 1)
	processed, batched, discarded := 0, 0, 0
	for _, r := range run.Trace() {
		k := edge{r.ID, r.Slot}
		switch r.Kind {
		case event.DemandAsked:
			asked[k] += int(r.N)
			held[k] += int(r.N)
			if r.ID != batcher {
				assert.LessOrEqual(t, held[k], v.Int("max_demand"), "stage %d holds too much", r.ID)
			}
		case event.EventsDispatched:
			sent[k] += int(r.N)
			assert.LessOrEqual(t, sent[k], asked[k], "stage %d sent stage %d more than asked", r.Slot, r.ID)
		case event.EventsProcessed, event.StageFailed:
			held[k] -= int(r.N)
			if r.Kind == event.EventsProcessed && r.ID != batcher {
				processed += int(r.N)
			}
		case event.BatchFlushed:
			batched += int(r.N)
		case event.EventsDiscarded:
			discarded += int(r.N)
		}
	}
	if finished {
		assert.Equal(t, processed, batched, "every processed event is batched")
		assert.Zero(t, discarded)
	}
	last := run.Trace()[len(run.Trace())-1]
	assert.Equal(t, event.PipelineHalted, last.Kind)
}

// sortedTrace orders a trace by time, then by content.
func sortedTrace(run *scenario.Run) []event.Record {
	trace := run.Trace()
	slices.SortFunc(trace, func(a, b event.Record) int {
		return cmp.Or(cmp.Compare(a.At, b.At), cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.ID, b.ID),
			cmp.Compare(a.Slot, b.Slot), cmp.Compare(a.N, b.N), cmp.Compare(a.Detail, b.Detail))
	})
	return trace
}
