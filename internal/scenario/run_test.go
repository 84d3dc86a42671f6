package scenario_test

import (
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/internal/scenario"
)

// TestRunStepsSplitAnInstant: when thousands of timers fall due at one
// instant, the run gets there in many small steps, so that a browser
// stepping it between frames never runs them all in one go; the run's
// figures are those of one big step.
func TestRunStepsSplitAnInstant(t *testing.T) {
	s, ok := scenario.Lookup("timeout")
	require.True(t, ok)
	// 2,000 callers start at 0 and all stop waiting at 1 ms.
	v, errs := s.Parse(map[string]string{"items": "2000", "interval_ms": "0", "timeout": "1", "stubborn_rate": "1"})
	require.Empty(t, errs)
	synctest.Test(t, func(t *testing.T) {
		run := s.Start(v)
		atOne := 0
		for {
			synctest.Wait()
			more := run.Step()
			if run.Elapsed() == 1 {
				atOne++
			}
			if !more {
				break
			}
		}
		require.NoError(t, run.Err())
		assert.GreaterOrEqual(t, atOne, 2000/16, "the waits that end at 1 ms take a step per few of them")
		// Every caller shuts its stubborn task down at 1 ms; those that
		// reply within the 300 ms grace are late, the rest abandoned.
		sum := run.Summary()
		assert.Equal(t, 2000.0, sum["late"]+sum["abandoned"], "%v", sum)
		assert.Positive(t, sum["late"])
		assert.Positive(t, sum["abandoned"])
	})
}

// TestRunStopEndsEveryScenario: a run stopped half way, as the playground
// stops a run an edit has made stale, ends after a few more steps, every
// goroutine of it gone, whatever the scenario.
func TestRunStopEndsEveryScenario(t *testing.T) {
	big := map[string]map[string]string{
		"stream":     {"items": "5000", "max_concurrency": "200"},
		"tasks":      {"items": "2000", "interval_ms": "1"},
		"timeout":    {"items": "2000", "interval_ms": "1", "stubborn_rate": "0.5"},
		"stage":      {"items": "5000"},
		"limiter":    {"items": "5000", "rate": "1000"},
		"pool":       {"items": "5000", "rate": "1000"},
		"supervisor": {"children": "200", "max_restarts": "100", "duration_ms": "600000"},
		"spawn":      {"rate": "2000", "duration_ms": "10000"},
	}
	for _, name := range scenario.Names() {
		t.Run(name, func(t *testing.T) {
			s, _ := scenario.Lookup(name)
			v, errs := s.Parse(big[name])
			require.Empty(t, errs)
			synctest.Test(t, func(t *testing.T) {
				run := s.Start(v)
				for range 300 {
					synctest.Wait()
					if !run.Step() {
						t.Skip("the run ended before it could be stopped")
					}
				}
				run.Stop()
				after := 0
				for {
					synctest.Wait()
					if !run.Step() {
						break
					}
					after++
				}
				assert.True(t, run.Done(), "the run ended: %v", run.Err())
				assert.Less(t, after, 1000, "steps after the stop")
			})
		})
	}
}
