package scenario_test

import (
	"math/rand/v2"
	"os"
	"strconv"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/scenario/scenariotest"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Three requests 1 ms apart, 10 ms each. Unbounded: three goroutines at
// 2 ms (24 KiB). Bounded by one: a goroutine and two waiting requests at
// 2 ms (8 + 2 KiB), served one after another until 30 ms.
func TestSpawnScenarioByHand(t *testing.T) {
	cases := []struct {
		mode string
		want map[string]float64
	}{
		{"unbounded", map[string]float64{"requests": 3, "max_goroutines": 3, "max_waiting": 0, "max_memory_kb": 24, "virtual_ms": 12}},
		{"bounded", map[string]float64{"requests": 3, "max_goroutines": 1, "max_waiting": 2, "max_memory_kb": 10, "virtual_ms": 30}},
	}
	for _, tc := range cases {
		t.Run(tc.mode, func(t *testing.T) {
			run := scenariotest.Run(t, "spawn", map[string]string{"mode": tc.mode, "rate": "1000", "duration_ms": "3",
				"work_ms_min": "10", "work_ms_max": "10", "max": "1"})
			assert.Equal(t, tc.want, run.Summary())
		})
	}
}

// The point of the page: as the rate rises, unbounded goroutines grow with
// it while the bounded ones stay at max, the backlog moving to the queue.
func TestSpawnScenarioGrowsOnlyWhenUnbounded(t *testing.T) {
	goroutines := map[string][]float64{}
	for _, mode := range []string{"unbounded", "bounded"} {
		for _, rate := range []string{"50", "200", "800"} {
			run := scenariotest.Run(t, "spawn", map[string]string{"mode": mode, "rate": rate, "max": "20"})
			sum := run.Summary()
			goroutines[mode] = append(goroutines[mode], sum["max_goroutines"])
			checkSpawnTrace(t, run.Values(), run.Trace())
		}
	}
	u, b := goroutines["unbounded"], goroutines["bounded"]
	assert.Less(t, u[0], u[1])
	assert.Less(t, u[1], u[2])
	assert.Greater(t, u[2], 150.0, "800/s × 275 ms on average")
	assert.Equal(t, u[0], b[0], "below the bound the two modes run alike")
	assert.Equal(t, []float64{20, 20}, b[1:], "above it, never more than max")
}

func TestSpawnScenarioInvariantsOverManySeeds(t *testing.T) {
	r := rand.New(rand.NewPCG(2026, 8))
	for i := range 40 {
		lo := r.IntN(100)
		raw := map[string]string{
			"mode":        []string{"unbounded", "bounded"}[r.IntN(2)],
			"rate":        strconv.Itoa(1 + r.IntN(800)),
			"duration_ms": strconv.Itoa(1 + r.IntN(800)),
			"work_ms_min": strconv.Itoa(lo),
			"work_ms_max": strconv.Itoa(lo + r.IntN(300)),
			"max":         strconv.Itoa(1 + r.IntN(30)),
			"seed":        strconv.Itoa(r.IntN(1 << 20)),
		}
		t.Run(strconv.Itoa(i), func(t *testing.T) {
			run := scenariotest.Run(t, "spawn", raw)
			sum := run.Summary()
			if raw["mode"] == "bounded" {
				assert.LessOrEqual(t, sum["max_goroutines"], float64(run.Values().Int("max")))
			} else {
				assert.Zero(t, sum["max_waiting"])
			}
			assert.LessOrEqual(t, sum["max_memory_kb"], 8*sum["max_goroutines"]+sum["max_waiting"])
			checkSpawnTrace(t, run.Values(), run.Trace())
		})
	}
}

// checkSpawnTrace checks that every request arrives once and is handled
// once, in arrival order when bounded, on a lane no other live handler
// holds, with N counting the live handlers.
func checkSpawnTrace(t *testing.T, v interface {
	Int(string) int
	String(string) string
}, trace []event.Record) {
	t.Helper()
	arrived, started, done := map[int32]bool{}, map[int32]bool{}, map[int32]bool{}
	busy := map[int32]int32{} // lane → request
	next := int32(0)
	for i, r := range trace {
		at := "record " + strconv.Itoa(i) + ": " + r.Kind.String() + " " + strconv.Itoa(int(r.ID))
		switch r.Kind {
		case event.RequestArrived:
			require.False(t, arrived[r.ID], at)
			arrived[r.ID] = true
		case event.HandlerStarted:
			require.True(t, arrived[r.ID], at)
			require.False(t, started[r.ID], at)
			started[r.ID] = true
			_, taken := busy[r.Slot]
			require.False(t, taken, "lane in use at %s", at)
			busy[r.Slot] = r.ID
			require.Equal(t, len(busy), int(r.N), at)
			if v.String("mode") == "bounded" {
				require.Less(t, int(r.Slot), v.Int("max"), at)
				require.Equal(t, next, r.ID, "bounded handlers start in arrival order: %s", at)
				next++
			}
		case event.HandlerDone:
			require.Equal(t, r.ID, busy[r.Slot], at)
			delete(busy, r.Slot)
			done[r.ID] = true
			require.Equal(t, len(busy), int(r.N), at)
		}
	}
	assert.Empty(t, busy)
	assert.Equal(t, len(arrived), len(started))
	assert.Equal(t, len(arrived), len(done))
}

func TestSpawnScenarioIsRepeatable(t *testing.T) {
	for _, mode := range []string{"unbounded", "bounded"} {
		raw := map[string]string{"mode": mode, "rate": "300", "duration_ms": "500", "max": "7", "seed": "3"}
		a, b := scenariotest.Run(t, "spawn", raw), scenariotest.Run(t, "spawn", raw)
		assert.Equal(t, a.Summary(), b.Summary(), mode)
		assert.Equal(t, spawnFates(a.Trace()), spawnFates(b.Trace()), mode)
	}
}

// spawnFates maps each request to when its handler started and ended.
func spawnFates(trace []event.Record) map[int32]string {
	out := map[int32]string{}
	for _, r := range trace {
		if r.Kind == event.HandlerStarted || r.Kind == event.HandlerDone {
			out[r.ID] += r.Kind.String() + "@" + r.At.String() + " "
		}
	}
	return out
}

// TestMeasureLimiterPoolSpawnScenarios reports how long large runs of the
// limiter, pool and spawn scenarios take natively (set PLAYGROUND_MEASURE=1;
// `make bench` does).
func TestMeasureLimiterPoolSpawnScenarios(t *testing.T) {
	if os.Getenv("PLAYGROUND_MEASURE") == "" {
		t.Skip("set PLAYGROUND_MEASURE=1 to measure")
	}
	cases := []struct {
		name string
		raw  map[string]string
	}{
		{"limiter", map[string]string{"items": "1000", "rate": "100", "max": "20"}},
		{"pool", map[string]string{"items": "1000", "rate": "100"}},
		{"spawn", map[string]string{"mode": "unbounded", "rate": "1000", "duration_ms": "1000"}},
		{"spawn", map[string]string{"mode": "bounded", "rate": "1000", "duration_ms": "1000"}},
	}
	for _, tc := range cases {
		s, _ := scenario.Lookup(tc.name)
		v, errs := s.Parse(tc.raw)
		require.Empty(t, errs)
		var events int
		res := testing.Benchmark(func(b *testing.B) {
			for b.Loop() {
				synctest.Test(t, func(t *testing.T) {
					run := s.Start(v)
					require.NoError(t, run.Complete(synctest.Wait))
					events = len(run.Trace())
				})
			}
		})
		t.Logf("%s %v: %v per run, %d events, %d allocs per run", tc.name, tc.raw, time.Duration(res.NsPerOp()), events, res.AllocsPerOp())
	}
}
