package view

import "sort"

// MinSpeed and MaxSpeed bound the playback speed, a multiple of real time
// (1 plays one virtual millisecond a millisecond): from a tenth of real
// time, to watch a millisecond's race, to ten thousand times, to watch a
// run of hours.
const (
	MinSpeed = 0.1
	MaxSpeed = 10_000.0
)

// WatchMs is how long a run takes to watch at its [FitSpeed], in real ms:
// long enough to follow, short enough to wait for.
const WatchMs = 15_000.0

// RealTimeLimit is the length of a run, in virtual ms, past which it plays
// faster than real time at its fit speed; views that draw motion (the
// stage's pulses) widen it for such runs so that it stays visible.
const RealTimeLimit = 20_000.0

// FitSpeed is the speed at which a run end virtual ms long plays in about
// [WatchMs], within [MinSpeed] and [MaxSpeed].
func FitSpeed(end float64) float64 {
	if !(end > 0) {
		return 1
	}
	return min(max(end/WatchMs, MinSpeed), MaxSpeed)
}

// Player is the playback state over a span of virtual time: a time, a
// speed, and whether time moves. It never holds a scene, so whatever it does
// the picture is the visual's plan at [Player.T].
//
// The zero value is a paused player over an empty span at speed 1×; use
// [NewPlayer] for a visual.
type Player struct {
	times   []float64 // event times, ascending: where Step stops
	end     float64
	t       float64
	speed   float64 // 0 reads as 1
	playing bool
}

// NewPlayer returns a paused player at time 0 over the event times of a
// visual (ascending, shared, not modified) and its end.
func NewPlayer(times []float64, end float64) Player {
	return Player{times: times, end: end, speed: 1}
}

// T is the virtual time shown, in ms.
func (p *Player) T() float64 { return p.t }

// End is the length of the span, in virtual ms.
func (p *Player) End() float64 { return p.end }

// Playing reports whether time moves on [Player.Advance].
func (p *Player) Playing() bool { return p.playing }

// Speed is the playback speed, 1 for normal.
func (p *Player) Speed() float64 {
	if p.speed == 0 {
		return 1
	}
	return p.speed
}

// Play makes time move. At the end, it starts again from 0.
func (p *Player) Play() {
	if p.t >= p.end {
		p.t = 0
	}
	p.playing = p.end > 0
}

// Pause stops time where it is.
func (p *Player) Pause() { p.playing = false }

// Toggle plays when paused and pauses when playing.
func (p *Player) Toggle() {
	if p.playing {
		p.Pause()
	} else {
		p.Play()
	}
}

// Step pauses and moves to the next event after the current time, or to
// the end when there is none.
func (p *Player) Step() {
	p.playing = false
	i := sort.Search(len(p.times), func(i int) bool { return p.times[i] > p.t })
	if i < len(p.times) {
		p.t = min(p.times[i], p.end)
	} else {
		p.t = p.end
	}
}

// StepBack pauses and moves to the last event before the current time, or
// to 0 when there is none.
func (p *Player) StepBack() {
	p.playing = false
	i := sort.Search(len(p.times), func(i int) bool { return p.times[i] >= p.t })
	if i > 0 {
		p.t = p.times[i-1]
	} else {
		p.t = 0
	}
}

// Snap is the time of the last event at or before the current time (0
// before the first): with reduced motion, the picture moves from event to
// event rather than gliding between them.
func (p *Player) Snap() float64 {
	i := sort.Search(len(p.times), func(i int) bool { return p.times[i] > p.t })
	if i == 0 {
		return 0
	}
	return p.times[i-1]
}

// Reset pauses and goes back to time 0.
func (p *Player) Reset() {
	p.playing = false
	p.t = 0
}

// Seek moves to t, kept within the span; it does not change whether the
// player is playing.
func (p *Player) Seek(t float64) {
	if t != t { // NaN
		t = 0
	}
	p.t = min(max(t, 0), p.end)
}

// SetSpeed sets the playback speed, kept within [MinSpeed] and
// [MaxSpeed].
func (p *Player) SetSpeed(s float64) {
	if s != s { // NaN
		s = 1
	}
	p.speed = min(max(s, MinSpeed), MaxSpeed)
}

// Advance moves time on by realMs of real time at the current speed, when
// playing, and pauses at the end. It reports whether the time changed.
func (p *Player) Advance(realMs float64) bool {
	if !p.playing || realMs <= 0 {
		return false
	}
	before := p.t
	p.t = min(p.t+realMs*p.Speed(), p.end)
	if p.t >= p.end {
		p.playing = false
	}
	return p.t != before
}
