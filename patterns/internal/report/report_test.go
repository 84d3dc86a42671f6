package report_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/clock"
	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/internal/eventtest"
	"github.com/concurrency-patterns/playground/patterns/internal/report"
)

func TestEmitStampsWithTheClock(t *testing.T) {
	var log eventtest.Log
	clk := clock.NewVirtual()
	r := report.New(log.Hook, clk)
	assert.Equal(t, event.Enabled, r.On())
	r.Emit(event.Started, 3, 1, 2, nil)
	if !event.Enabled {
		assert.Empty(t, log.All(), "built without hooks: nothing is reported")
		return
	}
	assert.Equal(t, []event.Event{{Time: clock.Epoch, Kind: event.Started, ID: 3, Slot: 1, N: 2}}, log.All())
}

func TestWithoutAHookNothingIsReadOrSent(t *testing.T) {
	clk := &eventtest.CountingClock{Clock: clock.NewVirtual()}
	for _, r := range []report.To{{}, report.New(nil, clk)} {
		assert.False(t, r.On())
		r.Emit(event.Started, 0, 0, 0, nil) // must not panic on a nil hook or clock
	}
	assert.Zero(t, clk.Reads.Load())
}

func TestAHookThatPanicsIsRecoveredAndToldOnce(t *testing.T) {
	if !event.Enabled {
		t.Skip("built without hooks")
	}
	var log eventtest.Log
	boom := errors.New("boom")
	hook := func(e event.Event) {
		log.Hook(e)
		if e.Kind == event.Started {
			panic(boom)
		}
	}
	r := report.New(hook, clock.NewVirtual())
	assert.NotPanics(t, func() { r.Emit(event.Started, 3, 1, 2, nil) })
	r.Emit(event.Finished, 3, 1, 0, nil)
	got := log.All()
	require.Len(t, got, 3)
	assert.Equal(t, []event.Kind{event.Started, event.HookPanicked, event.Finished}, []event.Kind{got[0].Kind, got[1].Kind, got[2].Kind})
	told := got[1]
	assert.Equal(t, []int{3, 1}, []int{told.ID, told.Slot}, "the panicked event's id and slot")
	var hp *event.HookPanic
	require.ErrorAs(t, told.Err, &hp)
	assert.Equal(t, got[0], hp.Event)
	assert.Equal(t, boom, hp.Value)
	assert.ErrorIs(t, told.Err, boom, "a panic(err) unwraps to err")
	assert.Contains(t, string(hp.Stack), "report_test.go", "the stack is the hook's")
	assert.Equal(t, "event: hook panicked on started: boom", told.Err.Error())
}

func TestAHookThatPanicsOnEverythingCannotEscape(t *testing.T) {
	calls := 0
	r := report.New(func(event.Event) { calls++; panic("always") }, clock.NewVirtual())
	assert.NotPanics(t, func() { r.Emit(event.Started, 0, 0, 0, nil) })
	if event.Enabled {
		assert.Equal(t, 2, calls, "the event, then the news of its panic, then nothing more")
	}
}
