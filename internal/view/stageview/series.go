package stageview

import (
	"sort"

	"github.com/concurrency-patterns/playground/internal/view"
)

// point is a quantity's value from time t on: a count so far, or a level.
type point struct {
	t float64
	v int32
}

// series is a quantity over time: points in time order. Counts only grow;
// levels (a buffer's) go up and down.
type series []point

// add notes the value v from t on.
func (s *series) add(t float64, v int) { *s = append(*s, point{t: t, v: int32(v)}) }

// last is the latest value, 0 for none.
func (s series) last() int {
	if len(s) == 0 {
		return 0
	}
	return int(s[len(s)-1].v)
}

// upTo is the index of the last point at or before t, -1 for none.
func (s series) upTo(t float64) int {
	return sort.Search(len(s), func(i int) bool { return s[i].t > t }) - 1
}

// at is the value at t, 0 before the first point.
func (s series) at(t float64) int {
	if i := s.upTo(t); i >= 0 {
		return int(s[i].v)
	}
	return 0
}

// firstAbove is when the value first exceeds v, Never if it does not.
func (s series) firstAbove(v int) float64 {
	i := sort.Search(len(s), func(i int) bool { return int(s[i].v) > v })
	if i == len(s) {
		return view.Never
	}
	return s[i].t
}

// Pulse is a step of a count moving along a channel: N more demand asked,
// or N events sent, P of the way (0 just sent, towards 1).
type Pulse struct {
	P float64
	N int
}

// maxPulses is how many pulses a channel shows at once: the latest.
const maxPulses = 3

// pulses are the steps of a count s within window before t, latest first.
func (s series) pulses(t, window float64) []Pulse {
	var out []Pulse
	for i := s.upTo(t); i >= 0 && len(out) < maxPulses && s[i].t > t-window; i-- {
		n := int(s[i].v)
		if i > 0 {
			n -= int(s[i-1].v)
		}
		if n > 0 {
			out = append(out, Pulse{P: (t - s[i].t) / window, N: n})
		}
	}
	return out
}
