package supview_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/internal/view/supview"
)

// TestRealSupervisorTraces replays real runs and checks, at every event,
// what must hold whatever the scheduling: no more children run than the
// limit, the window never holds more than max_restarts, and at the end
// the counts agree with the run's summary and nothing runs.
func TestRealSupervisorTraces(t *testing.T) {
	tests := []struct {
		name   string
		params map[string]string
		gaveUp bool
	}{
		{"defaults give up", nil, true},
		{"no crashes, long runs", map[string]string{"fail_rate": "0", "work_ms_min": "30000", "work_ms_max": "30000"}, false},
		{"bounded", map[string]string{"children": "30", "max_children": "7", "max_restarts": "50", "fail_rate": "0.2"}, false},
		{"transient", map[string]string{"children": "10", "restart": "transient", "max_restarts": "20", "fail_rate": "0.3"}, false},
		{"stubborn", map[string]string{"children": "6", "stubborn_rate": "1", "shutdown": "1000", "fail_rate": "0", "work_ms_min": "30000", "work_ms_max": "30000"}, false},
		{"no restart allowed", map[string]string{"max_restarts": "0", "work_ms_min": "100", "work_ms_max": "500"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			trace, sum, v := runSupervisor(t, tt.params)
			cfg := supview.ConfigOf(v)
			tl := supview.NewTimeline(trace, cfg)
			limit := cfg.Children
			if cfg.MaxChildren > 0 {
				limit = min(limit, cfg.MaxChildren)
			}
			assert.LessOrEqual(t, tl.Lanes(), limit)
			for _, at := range tl.Times() {
				s := tl.Scene(at)
				require.LessOrEqual(t, s.Counts.Running, limit, "at %v", at)
				require.LessOrEqual(t, len(s.Window), cfg.MaxRestarts, "at %v", at)
				for _, r := range s.Window {
					require.True(t, r > s.WindowFrom && r <= s.WindowTo)
				}
			}
			end := tl.Scene(tl.End())
			c := end.Counts
			assert.Equal(t, tt.gaveUp, end.GaveUp)
			assert.True(t, end.Stopped)
			assert.Zero(t, c.Running, "a stopped supervisor runs nothing")
			assert.Equal(t, sum["children"], float64(c.Children))
			assert.Equal(t, sum["restarts"], float64(c.Restarts))
			assert.Equal(t, sum["crashes"], float64(c.Errors+c.Panics))
			assert.Equal(t, sum["abandoned"], float64(c.Abandoned))
			assert.Equal(t, sum["max_children_refused"], float64(c.Refused))
			if tt.gaveUp {
				assert.Contains(t, end.Reason, "reached max restart intensity")
				assert.Equal(t, cfg.MaxRestarts, len(end.Window), "the window was full when it gave up")
			}
		})
	}
}
