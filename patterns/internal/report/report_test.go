package report_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

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
