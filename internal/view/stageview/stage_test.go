package stageview_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/scenario/scenariotest"
	"github.com/concurrency-patterns/playground/internal/view/stageview"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// runStage records a real run of the stage scenario.
func runStage(t *testing.T, params map[string]string) ([]event.Record, map[string]float64, scenario.Values) {
	t.Helper()
	return scenariotest.Record(t, "stage", params)
}

// TestRealStageTraces replays real runs of every preset and checks, at
// every event time, what must hold whatever the scheduling: no processor
// holds more than max_demand, a call never has more than max - min events,
// the buffer stays within its size, counts only grow, and the end agrees
// with the run's summary.
func TestRealStageTraces(t *testing.T) {
	for _, pr := range stageview.Kit.Presets {
		t.Run(pr.Name, func(t *testing.T) {
			trace, sum, v := runStage(t, pr.Params)
			tl := stageview.NewTimeline(trace, stageview.ConfigOf(v))
			cfg := tl.Config()
			var prev stageview.Scene
			for i, at := range tl.Times() {
				s := tl.Scene(at)
				require.LessOrEqual(t, s.Level, max(cfg.BufferSize, 0), "buffer within its size at %v", at)
				inFlight := 0
				for j, p := range s.Procs {
					require.LessOrEqual(t, p.Owed+p.Waiting+p.InCall, cfg.MaxDemand, "P%d holds at most max_demand at %v", j+1, at)
					require.LessOrEqual(t, p.InCall, cfg.MaxDemand-cfg.MinDemand, "a call takes at most max - min")
					require.GreaterOrEqual(t, p.Owed, 0)
					require.GreaterOrEqual(t, p.Waiting, 0)
					inFlight += p.Waiting + p.InCall
				}
				require.Equal(t, s.InFlight, inFlight, "in flight is what the processors hold")
				require.LessOrEqual(t, s.Processed+s.Failed+s.InFlight+s.Dropped+s.Level, s.Made, "no event made twice at %v", at)
				require.GreaterOrEqual(t, s.Batch, 0)
				if i > 0 {
					require.GreaterOrEqual(t, s.Made, prev.Made)
					require.GreaterOrEqual(t, s.Processed, prev.Processed)
					require.GreaterOrEqual(t, s.Flushed, prev.Flushed)
				}
				prev = s
			}
			end := tl.Scene(tl.End())
			assert.True(t, end.Halted)
			assert.Empty(t, end.Reason, "the scenario always finishes its work")
			assert.Equal(t, sum["produced"], float64(end.Made))
			assert.Equal(t, sum["processed"], float64(end.Processed))
			assert.Equal(t, sum["failed"], float64(end.Failed))
			assert.Equal(t, sum["dropped"], float64(end.Dropped))
			assert.Equal(t, sum["max_buffer"], float64(end.MaxLevel))
			assert.Equal(t, sum["batches"], float64(end.BatchesBy[stageview.FlushSize]+end.BatchesBy[stageview.FlushTimeout]+end.BatchesBy[stageview.FlushDrain]))
			assert.Equal(t, end.Processed, end.Flushed, "every processed event was batched")
			assert.Zero(t, end.InFlight)
			assert.Zero(t, end.Batch)
		})
	}
}

// TestPresetsShowWhatTheyAreNamedFor: the push overload drops, the big
// buffer grows without dropping, pulling drops nothing, the flaky
// processor fails calls, big batches flush on timeout.
func TestPresetsShowWhatTheyAreNamedFor(t *testing.T) {
	ends := map[string]stageview.Scene{}
	for _, pr := range stageview.Kit.Presets {
		trace, _, v := runStage(t, pr.Params)
		tl := stageview.NewTimeline(trace, stageview.ConfigOf(v))
		ends[pr.Name] = tl.Scene(tl.End())
	}
	assert.Zero(t, ends["pull on demand"].Dropped)
	assert.Zero(t, ends["pull on demand"].MaxLevel, "a pull producer makes only what was asked")
	assert.Positive(t, ends["push overload (drops)"].Dropped)
	assert.Zero(t, ends["push, big buffer (memory grows)"].Dropped)
	assert.Greater(t, ends["push, big buffer (memory grows)"].MaxLevel, 100)
	assert.Positive(t, ends["flaky processor"].Failed)
	assert.Positive(t, ends["big batches (timeouts)"].BatchesBy[stageview.FlushTimeout])
	assert.Positive(t, ends["pull on demand"].BatchesBy[stageview.FlushSize])
}
