package scenario_test

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/scenario/scenariotest"
	"github.com/concurrency-patterns/playground/patterns/event"
)

func TestSupervisorScenarioDefaults(t *testing.T) {
	run := scenariotest.Run(t, "supervisor", nil)
	sum := run.Summary()
	t.Log(sum)
	assert.Equal(t, 4.0, sum["children"])
	assert.Zero(t, sum["max_children_refused"])
	assert.Zero(t, sum["abandoned"])
	for _, k := range scenario.Supervisor.Summary {
		assert.Contains(t, sum, k)
	}
	trace := run.Trace()
	assert.Equal(t, event.SupervisorStopped, trace[len(trace)-1].Kind)
}

func TestSupervisorScenarioCases(t *testing.T) {
	cases := []struct {
		name  string
		raw   map[string]string
		check func(t *testing.T, sum map[string]float64)
	}{
		{"max_children refuses the rest", map[string]string{"children": "8", "max_children": "3", "restart": "temporary"},
			func(t *testing.T, sum map[string]float64) {
				assert.Equal(t, 3.0, sum["children"])
				assert.Equal(t, 5.0, sum["max_children_refused"])
				assert.Zero(t, sum["restarts"])
			}},
		{"short runs of permanent children exhaust the intensity", map[string]string{"children": "10", "work_ms_min": "100", "work_ms_max": "500"},
			func(t *testing.T, sum map[string]float64) {
				assert.Equal(t, 1.0, sum["gave_up"])
				assert.Equal(t, 3.0, sum["restarts"], "3 allowed, the 4th refused")
				assert.Less(t, sum["virtual_ms"], 20000.0)
			}},
		{"temporary children are never restarted", map[string]string{"restart": "temporary", "fail_rate": "1", "work_ms_max": "1000", "work_ms_min": "0"},
			func(t *testing.T, sum map[string]float64) {
				assert.Zero(t, sum["restarts"])
				assert.Equal(t, 4.0, sum["crashes"])
				assert.Zero(t, sum["gave_up"])
			}},
		{"transient children without crashes are not restarted", map[string]string{"restart": "transient", "fail_rate": "0"},
			func(t *testing.T, sum map[string]float64) {
				assert.Zero(t, sum["restarts"])
				assert.Zero(t, sum["crashes"])
			}},
		{"stubborn children are abandoned after the shutdown time", map[string]string{"stubborn_rate": "1", "shutdown": "100",
			"work_ms_min": "60000", "work_ms_max": "60000", "duration_ms": "3000"},
			func(t *testing.T, sum map[string]float64) {
				assert.Equal(t, 4.0, sum["abandoned"])
				assert.Equal(t, 3100.0, sum["virtual_ms"])
			}},
		{"brutal kill abandons at once", map[string]string{"stubborn_rate": "1", "shutdown": "0",
			"work_ms_min": "60000", "work_ms_max": "60000", "duration_ms": "3000"},
			func(t *testing.T, sum map[string]float64) {
				assert.Equal(t, 4.0, sum["abandoned"])
				assert.Equal(t, 3000.0, sum["virtual_ms"])
			}},
		{"cooperative children stop at once", map[string]string{"work_ms_min": "60000", "work_ms_max": "60000", "duration_ms": "3000"},
			func(t *testing.T, sum map[string]float64) {
				assert.Zero(t, sum["abandoned"])
				assert.Equal(t, 3000.0, sum["virtual_ms"])
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			run := scenariotest.Run(t, "supervisor", tc.raw)
			tc.check(t, run.Summary())
			checkSupervisorTrace(t, run.Values(), run.Trace())
		})
	}
}

func TestSupervisorScenarioIsRepeatable(t *testing.T) {
	raw := map[string]string{"children": "12", "max_children": "10", "max_restarts": "20", "work_ms_min": "200",
		"work_ms_max": "3000", "fail_rate": "0.4", "stubborn_rate": "0.2", "shutdown": "500", "seed": "42"}
	a, b := scenariotest.Run(t, "supervisor", raw), scenariotest.Run(t, "supervisor", raw)
	assert.Equal(t, a.Summary(), b.Summary())
	assert.Equal(t, runFates(a.Trace()), runFates(b.Trace()), "each run of each child meets the same fate at the same virtual time")
	assert.Positive(t, a.Summary()["restarts"])

	raw["seed"] = "43"
	assert.NotEqual(t, runFates(a.Trace()), runFates(scenariotest.Run(t, "supervisor", raw).Trace()))
}

// runFates maps each (child, incarnation) to how and when it ended.
func runFates(trace []event.Record) map[[2]int32]string {
	out := map[[2]int32]string{}
	for _, r := range trace {
		switch r.Kind {
		case event.ChildExited, event.ChildCrashed, event.ChildShutdown, event.ChildAbandoned:
			out[[2]int32{r.ID, r.N}] = r.Kind.String() + "@" + r.At.String()
		}
	}
	return out
}

// Random valid parameters, many seeds: the rules hold in every trace.
func TestSupervisorScenarioProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	for i := range 100 {
		lo := r.IntN(3000)
		raw := map[string]string{
			"children":      strconv.Itoa(1 + r.IntN(30)),
			"max_children":  strconv.Itoa(r.IntN(11)),
			"restart":       []string{"permanent", "transient", "temporary"}[r.IntN(3)],
			"max_restarts":  strconv.Itoa(r.IntN(8)),
			"max_seconds":   strconv.Itoa(1 + r.IntN(5)),
			"shutdown":      strconv.Itoa(r.IntN(3000)),
			"work_ms_min":   strconv.Itoa(lo),
			"work_ms_max":   strconv.Itoa(lo + r.IntN(5000)),
			"fail_rate":     strconv.FormatFloat(r.Float64(), 'f', 3, 64),
			"stubborn_rate": strconv.FormatFloat(r.Float64()/2, 'f', 3, 64),
			"duration_ms":   strconv.Itoa(r.IntN(30000)),
			"seed":          strconv.Itoa(i),
		}
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			run := scenariotest.Run(t, "supervisor", raw)
			v, sum := run.Values(), run.Summary()
			checkSupervisorTrace(t, v, run.Trace())
			assert.Equal(t, float64(v.Int("children")), sum["children"]+sum["max_children_refused"], "every start answered")
			if v.Float("fail_rate") == 0 {
				assert.Zero(t, sum["crashes"])
			}
			if v.Float("stubborn_rate") == 0 {
				assert.Zero(t, sum["abandoned"])
			}
			duration, _ := v.Duration("duration_ms")
			if sum["gave_up"] == 0 {
				assert.GreaterOrEqual(t, sum["virtual_ms"], float64(duration.Milliseconds()))
			}
		})
	}
}

// checkSupervisorTrace replays a trace: never more children than
// max_children, restarts within the intensity until the supervisor gives
// up and none after, every run of a child ended once, and the supervisor
// stopped last.
func checkSupervisorTrace(t *testing.T, v scenario.Values, trace []event.Record) {
	t.Helper()
	period := time.Duration(v.Int("max_seconds")) * time.Second
	held, runs, ended := 0, 0, 0
	var restarts []time.Duration
	over := false
	for _, r := range trace {
		switch r.Kind {
		case event.ChildStarted:
			runs++
			if r.N == 0 {
				held++
			}
			if m := v.Int("max_children"); m > 0 {
				require.LessOrEqual(t, held, m, "never more children than max_children")
			}
		case event.ChildRemoved:
			held--
		case event.ChildRestarted:
			require.False(t, over, "no restart once stopping")
			require.NotEqual(t, "temporary", v.String("restart"))
			restarts = append(restarts, r.At)
			n := 0
			for _, at := range restarts {
				if r.At-at < period {
					n++
				}
			}
			require.LessOrEqual(t, n, v.Int("max_restarts"), "restarts stay within the intensity")
		case event.SupervisorGaveUp:
			require.Equal(t, int32(v.Int("max_restarts")+1), r.N)
		case event.SupervisorStopping:
			over = true
		case event.ChildExited, event.ChildCrashed, event.ChildShutdown, event.ChildAbandoned:
			ended++
		}
	}
	assert.Zero(t, held)
	assert.Equal(t, runs, ended, "every run of a child ended once")
	require.NotEmpty(t, trace)
	assert.Equal(t, event.SupervisorStopped, trace[len(trace)-1].Kind)
}

func TestSupervisorParams(t *testing.T) {
	v, errs := scenario.Supervisor.Parse(nil)
	require.Empty(t, errs)
	assert.Equal(t, "permanent", v.String("restart"))
	assert.Equal(t, 3, v.Int("max_restarts"))
	assert.Equal(t, 5, v.Int("max_seconds"))
	assert.Equal(t, 0, v.Int("max_children"), "no limit by default")
	for _, bad := range []map[string]string{
		{"max_seconds": "0"}, {"max_seconds": "2.5"}, {"restart": "sometimes"}, {"shutdown": "infinity"},
		{"children": "0"}, {"max_children": "-1"}, {"work_ms_min": "900", "work_ms_max": "100"},
	} {
		_, errs := scenario.Supervisor.Parse(bad)
		assert.Len(t, errs, 1, "%v", bad)
	}
}
