package scenario_test

import (
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/scenario"
)

// complete runs a scenario to its end inside a synctest bubble, where
// synctest.Wait gives the quiescence a virtual clock step needs.
func complete(t *testing.T, name string, raw map[string]string) *scenario.Run {
	t.Helper()
	s, ok := scenario.Lookup(name)
	require.True(t, ok)
	v, errs := s.Parse(raw)
	require.Empty(t, errs)
	var run *scenario.Run
	synctest.Test(t, func(t *testing.T) {
		run = s.Start(v)
		require.NoError(t, run.Complete(synctest.Wait))
	})
	return run
}

func TestStreamScenarioBoundsConcurrency(t *testing.T) {
	run := complete(t, "stream", map[string]string{"items": "50", "max_concurrency": "3", "seed": "7"})
	sum := run.Summary()
	assert.Equal(t, 3.0, sum["max_active"])
	assert.Equal(t, 50.0, sum["ok"])
	emitted := map[int32]int{}
	for _, r := range run.Trace() {
		if r.Kind == event.Emitted {
			emitted[r.ID]++
		}
	}
	assert.Len(t, emitted, 50)
	for id, n := range emitted {
		assert.Equal(t, 1, n, "item %d", id)
	}
	t.Log(sum)
}
