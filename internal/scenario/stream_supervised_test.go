package scenario_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/concurrency-patterns/playground/internal/scenario/scenariotest"
)

// Under a task supervisor the stream runs as before while max_children
// leaves room, and stops at the first task it refuses.
func TestStreamUnderATaskSupervisor(t *testing.T) {
	within := scenariotest.Run(t, "stream", map[string]string{"items": "30", "max_concurrency": "4", "max_children": "4"}).Summary()
	assert.Equal(t, 30.0, within["ok"], "%v", within)
	assert.Zero(t, within["refused"])
	below := scenariotest.Run(t, "stream", map[string]string{"items": "30", "max_concurrency": "4", "max_children": "3"}).Summary()
	assert.Equal(t, 1.0, below["refused"], "%v", below)
	assert.Zero(t, below["ok"], "stopped at the fourth task, before any result: %v", below)
}
