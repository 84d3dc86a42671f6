package supview_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/concurrency-patterns/playground/internal/view/supview"
	"github.com/concurrency-patterns/playground/patterns/event"
)

const reason = "supervisor: reached max restart intensity: restart 3 within 1s refused, for child 0 after boom"

// giveUpTrace: max 2 restarts in 1 s. Child 0 crashes three times in a
// row; the third crash is one restart too many. Child 1 is stopped, and
// takes 100 ms to return. A start was refused at once.
var giveUpTrace = []event.Record{
	ev(0, event.ChildStarted, 0, 0, 0, ""),
	ev(0, event.ChildStarted, 1, 1, 0, ""),
	ev(0, event.ChildRefused, -1, -1, 2, "supervisor: max children reached"),
	ev(100, event.ChildCrashed, 0, 0, 0, "boom"),
	ev(100, event.RestartWindow, -1, -1, 1, ""),
	ev(100, event.ChildRestarted, 0, 0, 1, ""),
	ev(100, event.ChildStarted, 0, 0, 1, ""),
	ev(300, event.ChildCrashed, 0, 0, 1, "exit: panic: boom"),
	ev(300, event.RestartWindow, -1, -1, 2, ""),
	ev(300, event.ChildRestarted, 0, 0, 2, ""),
	ev(300, event.ChildStarted, 0, 0, 2, ""),
	ev(500, event.ChildCrashed, 0, 0, 2, "boom"),
	ev(500, event.SupervisorGaveUp, 0, 0, 3, reason),
	ev(500, event.ChildRemoved, 0, 0, 1, ""),
	ev(500, event.SupervisorStopping, -1, -1, 1, reason),
	ev(500, event.ChildStopping, 1, 1, 0, "task: shutdown"),
	ev(600, event.ChildShutdown, 1, 1, 0, "task: shutdown"),
	ev(600, event.ChildRemoved, 1, 1, 0, ""),
	ev(600, event.SupervisorStopped, -1, -1, 0, reason),
}

var giveUpCfg = supview.Config{Children: 3, MaxChildren: 2, MaxRestarts: 2, Period: 1000, Duration: 2000}

func TestScene(t *testing.T) {
	tl := supview.NewTimeline(giveUpTrace, giveUpCfg)
	tests := []struct {
		name string
		t    float64
		want supview.Scene
	}{{
		name: "two children start, a third is refused",
		t:    0,
		want: supview.Scene{End: 600, Axis: 2000, WindowFrom: -1000,
			Counts: supview.Counts{Children: 2, Running: 2, Refused: 1}},
	}, {
		name: "a crash by error and its restart",
		t:    150,
		want: supview.Scene{T: 150, End: 600, Axis: 2000, Window: []float64{100}, WindowFrom: -850, WindowTo: 150,
			Counts: supview.Counts{Children: 2, Running: 2, Restarts: 1, Errors: 1, Refused: 1}},
	}, {
		name: "a panic: the window is full",
		t:    400,
		want: supview.Scene{T: 400, End: 600, Axis: 2000, Window: []float64{100, 300}, WindowFrom: -600, WindowTo: 400,
			Counts: supview.Counts{Children: 2, Running: 2, Restarts: 2, Errors: 1, Panics: 1, Refused: 1}},
	}, {
		name: "one too many: the supervisor gives up and stops child 1",
		t:    550,
		want: supview.Scene{T: 550, End: 600, Axis: 2000, Window: []float64{100, 300}, WindowFrom: -500, WindowTo: 500,
			GaveUp: true, Stopping: true, Reason: reason,
			Counts: supview.Counts{Children: 2, Running: 1, Restarts: 2, Errors: 2, Panics: 1, Refused: 1}},
	}, {
		name: "stopped: the window stays as it was at the stop",
		t:    5000,
		want: supview.Scene{T: 5000, End: 600, Axis: 2000, Window: []float64{100, 300}, WindowFrom: -500, WindowTo: 500,
			GaveUp: true, Stopping: true, Stopped: true, Reason: reason,
			Counts: supview.Counts{Children: 2, Restarts: 2, Errors: 2, Panics: 1, Shutdowns: 1, Refused: 1}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tl.Scene(tt.t)
			if len(got.Window) == 0 {
				got.Window = nil
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestWindowAgesOut: a restart stops counting exactly a period after it,
// as the supervisor counts.
func TestWindowAgesOut(t *testing.T) {
	tl := supview.NewTimeline(giveUpTrace[:8], giveUpCfg)
	assert.Equal(t, []float64{100}, tl.Scene(1099).Window)
	assert.Empty(t, tl.Scene(1100).Window)
}

func TestAbandonedAndPreview(t *testing.T) {
	trace := []event.Record{
		ev(0, event.ChildStarted, 0, 0, 0, ""),
		ev(1000, event.SupervisorStopping, -1, -1, 1, "supervisor: stopped"),
		ev(1000, event.ChildStopping, 0, 0, 0, "task: shutdown"),
		ev(1200, event.ChildAbandoned, 0, 0, 0, "task: abandoned"),
		ev(1200, event.ChildRemoved, 0, 0, 0, ""),
		ev(1200, event.SupervisorStopped, -1, -1, 1, "supervisor: stopped"),
	}
	tl := supview.NewTimeline(trace, supview.Config{Children: 1, MaxRestarts: 3, Period: 5000, Duration: 1000})
	s := tl.Scene(1200)
	assert.Equal(t, 1, s.Counts.Abandoned)
	assert.False(t, s.GaveUp, "a stop asked for is no give-up")
	assert.Equal(t, 1200.0, s.Axis, "the axis ends with the run")

	preview := supview.NewTimeline(nil, supview.Config{Children: 4, Duration: 20000})
	assert.Equal(t, 20000.0, preview.Scene(0).Axis, "a preview spans the planned run")
	assert.Zero(t, preview.End())
}

// TestAxisAfterAGiveUp: the lanes span the run as planned, so the axis's
// end is a time the page names; a give-up at the planned end keeps a
// little room after it.
func TestAxisAfterAGiveUp(t *testing.T) {
	for _, tc := range []struct{ planned, want float64 }{{2000, 2000}, {600, 630}, {100, 630}} {
		cfg := giveUpCfg
		cfg.Duration = tc.planned
		assert.Equal(t, tc.want, supview.NewTimeline(giveUpTrace, cfg).Axis(), "planned %v ms", tc.planned)
	}
}
