package view

import "sort"

// Speeds are the playback speeds the controls offer, slowest first.
var Speeds = []float64{0.1, 0.25, 0.5, 1, 2, 4, 10}

// RealTimeLimit is the longest a run plays at 1× speed, in real
// milliseconds. A run up to this long plays in real time (one virtual
// millisecond a millisecond); a longer one is compressed to fit, so that
// 20,000 items do not take twenty minutes to watch. The clock readout always
// shows virtual time.
const RealTimeLimit = 20_000.0

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

// SetSpeed sets the playback speed, kept within the slowest and fastest of
// [Speeds].
func (p *Player) SetSpeed(s float64) {
	if s != s { // NaN
		s = 1
	}
	p.speed = min(max(s, Speeds[0]), Speeds[len(Speeds)-1])
}

// Advance moves time on by realMs of real time at the current speed, when
// playing, and pauses at the end. It reports whether the time changed.
func (p *Player) Advance(realMs float64) bool {
	if !p.playing || realMs <= 0 {
		return false
	}
	before := p.t
	p.t = min(p.t+realMs*p.rate()*p.Speed(), p.end)
	if p.t >= p.end {
		p.playing = false
	}
	return p.t != before
}

// rate is the virtual milliseconds that pass per real millisecond at 1×.
func (p *Player) rate() float64 { return max(1, p.end/RealTimeLimit) }
