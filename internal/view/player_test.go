package view_test

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/concurrency-patterns/playground/internal/view"
)

func TestPlayer(t *testing.T) {
	// Events at 0, 50, 80 and 100 ms.
	times, end := []float64{0, 50, 80, 100}, 100.0
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
		{"step back goes to the event before", func(p *view.Player) { p.Seek(80); p.StepBack() }, state{50, false}},
		{"step back from between events", func(p *view.Player) { p.Seek(90); p.StepBack() }, state{80, false}},
		{"step back before the first event goes to 0", func(p *view.Player) { p.Seek(0); p.StepBack() }, state{0, false}},
		{"step back pauses", func(p *view.Player) { p.Seek(60); p.Play(); p.StepBack() }, state{50, false}},
		{"seek to NaN goes to 0", func(p *view.Player) { p.Seek(60); p.Seek(math.NaN()) }, state{0, false}},
		{"reset goes back to 0 and pauses", func(p *view.Player) { p.Play(); p.Advance(70); p.Reset() }, state{0, false}},
		{"seek backwards", func(p *view.Player) { p.Seek(90); p.Seek(10) }, state{10, false}},
		{"seek is kept within the run", func(p *view.Player) { p.Seek(-5) }, state{0, false}},
		{"seek beyond the end", func(p *view.Player) { p.Seek(1e9) }, state{100, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := view.NewPlayer(times, end)
			tt.ops(&p)
			assert.Equal(t, tt.want, state{p.T(), p.Playing()})
		})
	}
}

func TestPlayerSnap(t *testing.T) {
	p := view.NewPlayer([]float64{10, 50, 80}, 100)
	for at, want := range map[float64]float64{0: 0, 5: 0, 10: 10, 49.9: 10, 50: 50, 99: 80, 100: 80} {
		p.Seek(at)
		assert.Equal(t, want, p.Snap(), "snap at %v", at)
	}
}

func TestPlayerSpeed(t *testing.T) {
	tests := []struct{ set, want float64 }{
		{0.1, 0.1}, {10, 10}, {2, 2}, {0, 0.1}, {1e6, view.MaxSpeed}, {math.NaN(), 1},
	}
	for _, tt := range tests {
		var p view.Player
		p.SetSpeed(tt.set)
		assert.Equal(t, tt.want, p.Speed(), "SetSpeed(%v)", tt.set)
	}
	var zero view.Player
	assert.Equal(t, 1.0, zero.Speed(), "the zero player plays at 1×")
}

func TestFitSpeed(t *testing.T) {
	tests := []struct {
		name      string
		end, want float64
	}{
		{"a short run slows down to fill the time", 3000, 0.2},
		{"a long run speeds up", 4_488_000, 299.2},
		{"never slower than the slowest", 10, view.MinSpeed},
		{"never faster than the fastest", 1e12, view.MaxSpeed},
		{"an empty run plays at 1×", 0, 1},
		{"NaN plays at 1×", math.NaN(), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.InDelta(t, tt.want, view.FitSpeed(tt.end), 1e-9)
		})
	}
}

func TestPlayerAtFitSpeedTakesWatchMs(t *testing.T) {
	for _, end := range []float64{1600, 20_000, 4_488_000} {
		p := view.NewPlayer([]float64{0, end}, end)
		p.SetSpeed(view.FitSpeed(end))
		p.Play()
		real := 0.0
		for p.Playing() {
			p.Advance(16)
			real += 16
		}
		assert.InDelta(t, view.WatchMs, real, 16, "a run of %v ms", end)
	}
}

func TestPlayerOnEmptyTimeline(t *testing.T) {
	p := view.NewPlayer(nil, 0)
	p.Play()
	assert.False(t, p.Playing(), "nothing to play")
	p.Step()
	assert.Zero(t, p.T())
}
