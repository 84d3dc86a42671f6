package scenario_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/concurrency-patterns/playground/internal/scenario/scenariotest"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Under a restart policy a crashed task runs again (transient), and tasks
// that end normally do too (permanent), until the intensity is reached.
func TestTasksRestartPolicies(t *testing.T) {
	t.Run("transient", func(t *testing.T) {
		run := scenariotest.Run(t, "tasks", map[string]string{"restart": "transient", "fail_rate": "0.25"})
		s := run.Summary()
		assert.Positive(t, s["restarts"], "%v", s)
		assert.Equal(t, s["crashed"], s["restarts"], "each crash is restarted: %v", s)
		assert.Equal(t, 12.0, s["ok"], "in the end every task returned: %v", s)
	})
	t.Run("permanent", func(t *testing.T) {
		run := scenariotest.Run(t, "tasks", map[string]string{"restart": "permanent", "fail_rate": "0"})
		s := run.Summary()
		assert.Equal(t, 3.0, s["restarts"], "three restarts within 5 s, then it gives up: %v", s)
		gaveUp := 0
		for _, r := range run.Trace() {
			if r.Kind == event.IntensityReached {
				gaveUp++
			}
		}
		assert.Equal(t, 1, gaveUp)
		assert.Positive(t, s["lost"], "the tasks still running are cancelled: %v", s)
	})
	t.Run("max_children 0", func(t *testing.T) {
		run := scenariotest.Run(t, "tasks", map[string]string{"max_children": "0"})
		s := run.Summary()
		assert.Equal(t, 12.0, s["refused"], "every start refused: %v", s)
	})
}
