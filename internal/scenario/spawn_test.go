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

// Three requests 1 ms apart, each a 10 ms query, on a database with room
// for one. Unbounded, the three queries share it: at 2 ms the first has
// 8.5 ms of work left, the second 9.5, the third 10, each going at a third
// of full speed, so they end at 27.5, 29.5 and 30 ms (29.5 - 1 = 28.5 ms
// after its arrival for the second). Bounded by one handler, they run one
// after another and wait in the queue: answered after 10, 19 and 28 ms.
func TestSpawnScenarioByHand(t *testing.T) {
	cases := []struct {
		name string
		raw  map[string]string
		want map[string]float64
	}{
		{"unbounded", map[string]string{"mode": "unbounded"}, map[string]float64{
			"requests": 3, "served": 3, "shed": 0, "failed": 0, "crashed": 0, "p99_ms": 28.5,
			"max_goroutines": 3, "max_waiting": 0, "max_memory_kb": 3 * 64, "virtual_ms": 30}},
		{"bounded", map[string]string{"mode": "bounded", "max": "1"}, map[string]float64{
			"requests": 3, "served": 3, "shed": 0, "failed": 0, "crashed": 0, "p99_ms": 28,
			"max_goroutines": 1, "max_waiting": 2, "max_memory_kb": 64 + 2*2, "virtual_ms": 30}},
		{"bounded, queue of one", map[string]string{"mode": "bounded", "max": "1", "queue": "1"}, map[string]float64{
			"requests": 3, "served": 2, "shed": 1, "failed": 0, "crashed": 0, "p99_ms": 19,
			"max_goroutines": 1, "max_waiting": 1, "max_memory_kb": 64 + 2, "virtual_ms": 20}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			raw := map[string]string{"rate": "1000", "duration_ms": "3", "work_ms_min": "10", "work_ms_max": "10", "db_capacity": "1"}
			for k, v := range tc.raw {
				raw[k] = v
			}
			run := scenariotest.Run(t, "spawn", raw)
			assert.Equal(t, tc.want, run.Summary())
			checkSpawnTrace(t, run.Values(), run.Trace())
		})
	}
}

// A budget of 1 MiB holds 16 handlers of 64 KiB. Twenty requests 1 ms apart,
// each a query of 100 ms on a database with room for all: the seventeenth
// handler is one too many, and the process dies at 16 ms with all 17.
func TestSpawnScenarioRunsOutOfMemory(t *testing.T) {
	run := scenariotest.Run(t, "spawn", map[string]string{"mode": "unbounded", "rate": "1000", "duration_ms": "20",
		"work_ms_min": "100", "work_ms_max": "100", "db_capacity": "100", "memory_mb": "1"})
	assert.Equal(t, map[string]float64{"requests": 17, "served": 0, "shed": 0, "failed": 17, "crashed": 1, "p99_ms": 0,
		"max_goroutines": 17, "max_waiting": 0, "max_memory_kb": 17 * 64, "virtual_ms": 16}, run.Summary())
	trace := run.Trace()
	last := trace[len(trace)-1]
	assert.Equal(t, scenario.OutOfMemory, last.Kind, "the crash is the last thing the process does")
	assert.Equal(t, int32(17*64), last.N)
	assert.Equal(t, "out of memory: the process needed 1088 KiB of its 1024 KiB budget and died, losing 17 requests", last.Detail)
	checkSpawnTrace(t, run.Values(), trace)
}

// The lesson of the page: under a load the database cannot keep up with,
// a goroutine per request dies of its memory or answers at least five
// times slower than the bounded handlers, which never die.
func TestSpawnScenarioBoundedSurvivesWhatUnboundedDoesNot(t *testing.T) {
	for _, rate := range []string{"200", "400", "1000", "2000"} {
		for _, seed := range []string{"1", "2", "3"} {
			t.Run(rate+"/"+seed, func(t *testing.T) {
				un := scenariotest.Run(t, "spawn", map[string]string{"mode": "unbounded", "rate": rate, "seed": seed}).Summary()
				bo := scenariotest.Run(t, "spawn", map[string]string{"mode": "bounded", "rate": rate, "seed": seed}).Summary()
				assert.Zero(t, bo["crashed"])
				assert.True(t, un["crashed"] == 1 || un["p99_ms"] >= 5*bo["p99_ms"], "unbounded %v, bounded %v", un, bo)
				assert.LessOrEqual(t, bo["max_memory_kb"], float64(8*64+40*2), "bounded memory is max handlers and a full queue")
			})
		}
	}
}

// Below the database's capacity the bound changes nothing.
func TestSpawnScenarioModesAgreeUnderLightLoad(t *testing.T) {
	un := scenariotest.Run(t, "spawn", map[string]string{"mode": "unbounded", "rate": "20"}).Summary()
	bo := scenariotest.Run(t, "spawn", map[string]string{"mode": "bounded", "rate": "20"}).Summary()
	assert.Equal(t, un, bo)
	assert.Equal(t, un["requests"], un["served"])
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
			"db_capacity": strconv.Itoa(1 + r.IntN(20)),
			"max":         strconv.Itoa(1 + r.IntN(30)),
			"queue":       []string{strconv.Itoa(1 + r.IntN(100)), "infinity"}[r.IntN(2)],
			"memory_mb":   strconv.Itoa(1 + r.IntN(8)),
			"seed":        strconv.Itoa(r.IntN(1 << 20)),
		}
		t.Run(strconv.Itoa(i), func(t *testing.T) {
			run := scenariotest.Run(t, "spawn", raw)
			sum := run.Summary()
			v := run.Values()
			if raw["mode"] == "bounded" {
				assert.LessOrEqual(t, sum["max_goroutines"], float64(v.Int("max")))
				assert.LessOrEqual(t, sum["max_waiting"], float64(v.Int("queue")))
			} else {
				assert.Zero(t, sum["max_waiting"])
				assert.Zero(t, sum["shed"])
			}
			assert.Equal(t, sum["requests"], sum["served"]+sum["shed"]+sum["failed"], "every request has one fate")
			if sum["crashed"] == 0 {
				assert.LessOrEqual(t, sum["max_memory_kb"], float64(v.Int("memory_mb")*1024))
			}
			checkSpawnTrace(t, v, run.Trace())
		})
	}
}

// checkSpawnTrace checks that every request arrives once and is handled
// once or shed, in arrival order when bounded, on a lane no other live
// handler holds, with N counting the live handlers; and that nothing
// follows a crash.
func checkSpawnTrace(t *testing.T, v scenario.Values, trace []event.Record) {
	t.Helper()
	arrived, started, done, shed := map[int32]bool{}, map[int32]bool{}, map[int32]bool{}, map[int32]bool{}
	busy := map[int32]int32{} // lane → request
	next := int32(0)
	crashed := false
	for i, r := range trace {
		at := "record " + strconv.Itoa(i) + ": " + r.Kind.String() + " " + strconv.Itoa(int(r.ID))
		require.False(t, crashed, "nothing happens after the process died: %s", at)
		switch r.Kind {
		case scenario.RequestArrived:
			require.False(t, arrived[r.ID] || shed[r.ID], at)
			arrived[r.ID] = true
		case scenario.RequestShed:
			require.False(t, arrived[r.ID] || shed[r.ID], at)
			require.Equal(t, "bounded", v.String("mode"), at)
			require.Equal(t, v.Int("queue"), int(r.N), "shed only when the queue is full: %s", at)
			shed[r.ID] = true
		case scenario.HandlerStarted:
			require.True(t, arrived[r.ID], at)
			require.False(t, started[r.ID], at)
			started[r.ID] = true
			_, taken := busy[r.Slot]
			require.False(t, taken, "lane in use at %s", at)
			busy[r.Slot] = r.ID
			require.Equal(t, len(busy), int(r.N), at)
			if v.String("mode") == "bounded" {
				require.Less(t, int(r.Slot), v.Int("max"), at)
				for shed[next] {
					next++
				}
				require.Equal(t, next, r.ID, "bounded handlers start in arrival order: %s", at)
				next++
			}
		case scenario.HandlerDone:
			require.Equal(t, r.ID, busy[r.Slot], at)
			delete(busy, r.Slot)
			done[r.ID] = true
			require.Equal(t, len(busy), int(r.N), at)
		case scenario.OutOfMemory:
			crashed = true
		}
	}
	if crashed {
		return
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
		if r.Kind == scenario.HandlerStarted || r.Kind == scenario.HandlerDone {
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
		{"spawn", map[string]string{"mode": "unbounded", "rate": "1000", "duration_ms": "1000", "memory_mb": "1024"}},
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
