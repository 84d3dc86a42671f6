// Package intensity measures a supervisor's restart intensity, OTP's
// max_restarts within max_seconds: the dynamic supervisor, the task
// supervisor and the consumer supervisor all give up on the same rule.
package intensity

import "time"

// Window keeps the times of recent restarts, oldest first. A restart
// counts for one period after it happened: at now, the window is
// (now-period, now]. (OTP counts in whole seconds, so its edge is blurred
// by up to a second; ours is exact on the clock.) The zero Window with a
// Period set is ready; it is not safe for concurrent use.
type Window struct {
	Period time.Duration
	times  []time.Time
}

// Prune forgets restarts that are a period old or older and reports
// whether there were any.
func (w *Window) Prune(now time.Time) bool {
	i := 0
	for i < len(w.times) && now.Sub(w.times[i]) >= w.Period {
		i++
	}
	w.times = w.times[i:]
	return i > 0
}

// Add counts a restart at now, unless max restarts already fall within
// the window. It returns how many there are with this one, and whether it
// was allowed.
func (w *Window) Add(now time.Time, max int) (int, bool) {
	w.Prune(now)
	if len(w.times) >= max {
		return len(w.times) + 1, false
	}
	w.times = append(w.times, now)
	return len(w.times), true
}

// Len is how many restarts the window held when it was last pruned or
// added to.
func (w *Window) Len() int { return len(w.times) }

// Count returns how many restarts fall within the window at now, without
// forgetting any.
func (w *Window) Count(now time.Time) int {
	n := len(w.times)
	for _, t := range w.times {
		if now.Sub(t) < w.Period {
			break
		}
		n--
	}
	return n
}

// Expiry is when the oldest restart leaves the window.
func (w *Window) Expiry() (time.Time, bool) {
	if len(w.times) == 0 {
		return time.Time{}, false
	}
	return w.times[0].Add(w.Period), true
}
