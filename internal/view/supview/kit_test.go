package supview_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/internal/view/supview"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// TestPresetsShowWhatTheySay runs every preset and checks the summary
// figure its name is about.
func TestPresetsShowWhatTheySay(t *testing.T) {
	want := map[string]func(t *testing.T, sum map[string]float64){
		"steady": func(t *testing.T, s map[string]float64) {
			assert.Zero(t, s["gave_up"])
			assert.Positive(t, s["restarts"])
		},
		"crash loop":        func(t *testing.T, s map[string]float64) { assert.Equal(t, 1.0, s["gave_up"]) },
		"transient workers": func(t *testing.T, s map[string]float64) { assert.Equal(t, s["crashes"], s["restarts"]) },
		"temporary workers": func(t *testing.T, s map[string]float64) { assert.Zero(t, s["restarts"]) },
		"max_children bound": func(t *testing.T, s map[string]float64) {
			assert.Equal(t, 28.0, s["max_children_refused"])
			assert.Zero(t, s["gave_up"])
		},
		"stubborn children": func(t *testing.T, s map[string]float64) { assert.Positive(t, s["abandoned"]) },
		"failing start steps": func(t *testing.T, s map[string]float64) {
			assert.Positive(t, s["start_failures"])
			assert.Positive(t, s["restarts"])
		},
		"done by themselves": func(t *testing.T, s map[string]float64) {
			assert.Positive(t, s["self_shutdowns"])
			assert.Zero(t, s["gave_up"])
		},
	}
	require.Len(t, supview.Kit.Presets, len(want))
	for _, pr := range supview.Kit.Presets {
		t.Run(pr.Name, func(t *testing.T) {
			_, sum, _ := runSupervisor(t, pr.Params)
			require.Contains(t, want, pr.Name)
			want[pr.Name](t, sum)
		})
	}
}

func TestLife(t *testing.T) {
	tests := map[event.Kind]view.Step{
		event.ChildStarted: view.StepStart, event.ChildExited: view.StepEnd, event.ChildCrashed: view.StepEnd,
		event.ChildShutdown: view.StepEnd, event.ChildAbandoned: view.StepEnd,
		event.ChildStopping: view.StepNone, event.ChildRestarted: view.StepNone, event.ChildRefused: view.StepNone,
		event.SupervisorGaveUp: view.StepNone,
	}
	for k, step := range tests {
		assert.Equal(t, step, supview.Life(k), "%v", k)
	}
}

func TestWords(t *testing.T) {
	tests := []struct {
		r    event.Record
		want string
	}{
		{ev(0, event.ChildStarted, 3, 2, 0, ""), "child 3 started in lane 2"},
		{ev(0, event.ChildStarted, 3, 2, 1, ""), "child 3 started again (restarted once)"},
		{ev(0, event.ChildStarted, 3, 2, 4, ""), "child 3 started again (restarted 4 times)"},
		{ev(0, event.ChildCrashed, 1, 1, 0, "exit: panic: boom\ngoroutine 7 [running]:"), "child 1 crashed: exit: panic: boom"},
		{ev(0, event.ChildExited, 1, 1, 0, ""), "child 1 exited normally"},
		{ev(0, event.ChildRefused, -1, -1, 3, "supervisor: max children reached"), "a start was refused: max_children 3 reached"},
		{ev(0, event.ChildRemoved, 1, 1, 1, ""), "child 1 removed; 1 child held"},
		{ev(0, event.SupervisorStopping, -1, -1, 2, "supervisor: stopped"), "the supervisor stops 2 children: supervisor: stopped"},
		{ev(0, event.SupervisorGaveUp, 2, 2, 4, "supervisor: reached max restart intensity"), "THE SUPERVISOR GAVE UP: supervisor: reached max restart intensity"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, supview.Words(tt.r))
	}
}
