package supervisor

import "time"

// window keeps the times of recent restarts, oldest first, to measure the
// restart intensity. A restart counts for one period after it happened: at
// now, the window is (now-period, now]. (OTP counts in whole seconds, so
// its edge is blurred by up to a second; ours is exact on the clock.)
type window struct {
	period time.Duration
	times  []time.Time
}

// prune forgets restarts that are a period old or older and reports whether
// there were any.
func (w *window) prune(now time.Time) bool {
	i := 0
	for i < len(w.times) && now.Sub(w.times[i]) >= w.period {
		i++
	}
	w.times = w.times[i:]
	return i > 0
}

// add counts a restart at now, unless max restarts already fall within the
// window. It returns how many there are with this one, and whether it was
// allowed.
func (w *window) add(now time.Time, max int) (int, bool) {
	w.prune(now)
	if len(w.times) >= max {
		return len(w.times) + 1, false
	}
	w.times = append(w.times, now)
	return len(w.times), true
}

// count returns how many restarts fall within the window at now, without
// forgetting any.
func (w *window) count(now time.Time) int {
	n := len(w.times)
	for _, t := range w.times {
		if now.Sub(t) < w.period {
			break
		}
		n--
	}
	return n
}

// expiry is when the oldest restart leaves the window.
func (w *window) expiry() (time.Time, bool) {
	if len(w.times) == 0 {
		return time.Time{}, false
	}
	return w.times[0].Add(w.period), true
}
