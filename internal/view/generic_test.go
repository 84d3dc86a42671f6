package view_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

func ev(ms float64, k event.Kind, id, slot int) event.Record {
	return event.Record{At: time.Duration(ms * float64(time.Millisecond)), Kind: k, ID: int32(id), Slot: int32(slot)}
}

// Supervised tasks have no slots: the generic visual gives each the first
// free lane.
var tasks = []event.Record{
	ev(0, event.Started, 0, -1), ev(0, event.Started, 1, -1), ev(50, event.Finished, 0, -1),
	ev(60, event.Started, 2, -1), ev(80, event.Panicked, 1, -1), ev(100, event.TimedOut, 2, -1),
}

func TestGeneric(t *testing.T) {
	vis := view.NewGeneric(tasks, scenario.Values{})
	assert.Equal(t, 100.0, vis.End())
	assert.Equal(t, []float64{0, 50, 60, 80, 100}, vis.Times())
	assert.Equal(t, []view.Mark{{T: 80, Label: "item 1 crashed", Role: view.RoleCrashed}, {T: 100, Label: "item 2 timed out", Role: view.RoleTimedOut}}, vis.Marks())
	tests := []struct {
		t                float64
		running, ok, bad int
	}{
		{0, 2, 0, 0}, {55, 1, 1, 0}, {70, 2, 1, 0}, {90, 1, 1, 1}, {100, 0, 1, 2},
	}
	for _, tt := range tests {
		p := vis.Plan(tt.t, 600)
		assert.Len(t, p.Fills[view.RoleRunning], tt.running, "running at %v", tt.t)
		assert.Len(t, p.Fills[view.RoleOK], tt.ok, "ok at %v", tt.t)
		assert.Len(t, append(p.Fills[view.RoleCrashed], p.Fills[view.RoleTimedOut]...), tt.bad, "crashed or timed out at %v", tt.t)
		assert.Equal(t, p, vis.Plan(tt.t, 600), "a function of t")
		assert.Equal(t, vis.Height(600), p.H)
	}
}

func TestWords(t *testing.T) {
	r := ev(5, event.Started, 3, 1)
	assert.Equal(t, "item 3 started in slot 1", view.Words(r))
	r = ev(5, event.Panicked, 3, 1)
	r.Detail = "boom\ngoroutine 7 [running]:"
	assert.Equal(t, "item 3 crashed (panic): boom", view.Words(r), "a stack stays out of the log")
	assert.Equal(t, "the pattern stopped", view.Words(ev(5, event.Halted, -1, -1)))
}
