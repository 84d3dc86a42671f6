package view_test

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/wasm/view"
)

func TestPlayer(t *testing.T) {
	// Events at 0, 50, 80 and 100 ms.
	tl := view.NewTimeline(orderedTrace, view.Config{Items: 3, Lanes: 2, Ordered: true})
	type state struct {
		t       float64
		playing bool
	}
	tests := []struct {
		name string
		ops  func(p *view.Player)
		want state
	}{
		{"starts paused at 0", func(p *view.Player) {}, state{0, false}},
		{"paused time does not move", func(p *view.Player) { p.Advance(30) }, state{0, false}},
		{"plays in real time at 1×", func(p *view.Player) { p.Play(); p.Advance(30) }, state{30, true}},
		{"speed scales time", func(p *view.Player) { p.SetSpeed(0.25); p.Play(); p.Advance(40) }, state{10, true}},
		{"stops at the end", func(p *view.Player) { p.Play(); p.Advance(500) }, state{100, false}},
		{"play at the end starts over", func(p *view.Player) { p.Seek(100); p.Play(); p.Advance(5) }, state{5, true}},
		{"pause keeps the time", func(p *view.Player) { p.Play(); p.Advance(20); p.Pause(); p.Advance(20) }, state{20, false}},
		{"toggle plays and pauses", func(p *view.Player) { p.Toggle(); p.Advance(10); p.Toggle() }, state{10, false}},
		{"step goes to the next event and pauses", func(p *view.Player) { p.Play(); p.Step() }, state{50, false}},
		{"step from between events", func(p *view.Player) { p.Seek(60); p.Step() }, state{80, false}},
		{"step past the last event stays at the end", func(p *view.Player) { p.Seek(100); p.Step() }, state{100, false}},
		{"reset goes back to 0 and pauses", func(p *view.Player) { p.Play(); p.Advance(70); p.Reset() }, state{0, false}},
		{"seek backwards", func(p *view.Player) { p.Seek(90); p.Seek(10) }, state{10, false}},
		{"seek is kept within the run", func(p *view.Player) { p.Seek(-5) }, state{0, false}},
		{"seek beyond the end", func(p *view.Player) { p.Seek(1e9) }, state{100, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := view.NewPlayer(tl)
			tt.ops(&p)
			assert.Equal(t, tt.want, state{p.T(), p.Playing()})
		})
	}
}

func TestPlayerSpeed(t *testing.T) {
	tests := []struct{ set, want float64 }{
		{0.25, 0.25}, {8, 8}, {2, 2}, {0, 0.25}, {100, 8}, {math.NaN(), 1},
	}
	for _, tt := range tests {
		var p view.Player
		p.SetSpeed(tt.set)
		assert.Equal(t, tt.want, p.Speed(), "SetSpeed(%v)", tt.set)
	}
	var zero view.Player
	assert.Equal(t, 1.0, zero.Speed(), "the zero player plays at 1×")
}

func TestPlayerCompressesLongRuns(t *testing.T) {
	long := view.RealTimeLimit * 10
	tl := view.NewTimeline([]event.Record{ev(0, event.Pulled, 0, -1), ev(long, event.Emitted, 0, -1)},
		view.Config{Items: 1, Lanes: 1})
	p := view.NewPlayer(tl)
	p.Play()
	for p.Playing() {
		p.Advance(100)
	}
	assert.Equal(t, long, p.T())
	p.Reset()
	p.Play()
	p.Advance(view.RealTimeLimit / 2)
	assert.Equal(t, long/2, p.T(), "the whole run plays in RealTimeLimit at 1×")
}

func TestPlayerOnEmptyTimeline(t *testing.T) {
	p := view.NewPlayer(view.NewTimeline(nil, view.Config{}))
	p.Play()
	assert.False(t, p.Playing(), "nothing to play")
	p.Step()
	assert.Zero(t, p.T())
}
