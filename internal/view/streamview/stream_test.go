package streamview_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/internal/scenario/scenariotest"
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/internal/view/streamview"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// runStream records a real run of the stream scenario.
func runStream(t *testing.T, params map[string]string) ([]event.Record, map[string]float64, streamview.Config) {
	t.Helper()
	trace, sum, v := scenariotest.Record(t, "stream", params)
	return trace, sum, streamview.Config{Items: v.Int("items"), Lanes: v.Int("max_concurrency"), Ordered: v.Bool("ordered")}
}

// TestRealStreamTraces replays traces of the real stream and checks, at
// every event, what must hold whatever the scheduling: each item is in one
// place, no more tasks run than there are slots, ordered results leave in
// input order, and the end agrees with the run's summary.
func TestRealStreamTraces(t *testing.T) {
	tests := []struct {
		name   string
		params map[string]string
		halted bool // ends with a reason
	}{
		{"defaults", nil, false},
		{"unordered with crashes", map[string]string{"items": "60", "max_concurrency": "7", "ordered": "false", "fail_rate": "0.2"}, false},
		{"ordered, many slots", map[string]string{"items": "200", "max_concurrency": "50", "fail_rate": "0.05"}, false},
		{"kill_task times out some", map[string]string{"items": "40", "timeout": "200", "on_timeout": "kill_task"}, false},
		{"exit halts at the first timeout", map[string]string{"items": "40", "timeout": "200"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			trace, sum, cfg := runStream(t, tt.params)
			tl := streamview.NewTimeline(trace, cfg)
			require.Equal(t, cfg, tl.Config(), "the trace stays within its configuration")
			for _, at := range tl.Times() {
				s := tl.Scene(at, streamview.Limits{})
				c := s.Counts
				require.Equal(t, cfg.Items, c.Queued+c.Running+c.Buffered+len(s.Out), "every item in one place at %v", at)
				require.LessOrEqual(t, c.Running, cfg.Lanes)
				if cfg.Ordered { // results, that is: tasks cancelled at a halt leave in any order
					next := 0
					for _, cell := range s.Out {
						if cell.Outcome != view.Cancelled {
							require.Equal(t, next, cell.ID, "ordered results leave in input order")
							next++
						}
					}
				}
			}
			end := tl.Scene(tl.End(), streamview.Limits{})
			assert.True(t, end.Halted)
			assert.Equal(t, tt.halted, end.Reason != "", "halt reason %q", end.Reason)
			c := end.Counts
			assert.Equal(t, sum["ok"], float64(c.OK))
			assert.Equal(t, sum["failed"], float64(c.Failed+c.Crashed))
			assert.Equal(t, sum["timed_out"], float64(c.TimedOut))
			assert.Equal(t, sum["cancelled"], float64(c.Cancelled))
			if !tt.halted {
				assert.Equal(t, cfg.Items, c.Emitted, "an exhausted stream emits every item")
			}
		})
	}
}
