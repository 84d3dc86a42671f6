package scenario_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/concurrency-patterns/playground/internal/scenario/scenariotest"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// One caller yields on every task at once (Task.yield_many), then shuts the
// rest down or ignores them.
func TestTimeoutYieldMany(t *testing.T) {
	base := map[string]string{"caller": "yield_many", "items": "20", "timeout": "600", "shutdown": "300",
		"work_ms_min": "100", "work_ms_max": "1200", "stubborn_rate": "0.2", "seed": "1"}
	with := func(action string) map[string]string {
		p := map[string]string{"on_timeout": action}
		for k, v := range base {
			p[k] = v
		}
		return p
	}
	t.Run("shutdown", func(t *testing.T) {
		run := scenariotest.Run(t, "timeout", with("shutdown"))
		s := run.Summary()
		assert.Positive(t, s["ok"], "%v", s)
		assert.Positive(t, s["timed_out"], "%v", s)
		assert.Zero(t, s["ignored"])
		for _, r := range run.Trace() {
			if r.Kind == event.Started {
				assert.Zero(t, r.At, "every task starts at once")
			}
		}
	})
	t.Run("ignore", func(t *testing.T) {
		s := scenariotest.Run(t, "timeout", with("ignore")).Summary()
		assert.Positive(t, s["ignored"], "%v", s)
		assert.Equal(t, s["ignored"], s["timed_out"], "the tasks without a reply in time were ignored: %v", s)
		assert.Zero(t, s["abandoned"]+s["late"], "nothing is stopped: %v", s)
		assert.Equal(t, 20.0, s["ok"]+s["timed_out"], "each task replied in time or was ignored: %v", s)
	})
}
