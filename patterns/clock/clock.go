package clock

import (
	"context"
	"time"
)

// Clock tells the time and makes timers. Implementations are safe for
// concurrent use.
type Clock interface {
	Now() time.Time
	// Since is the time elapsed since t. For the real clock and a t read
	// from it, it reads only the monotonic clock, about half the cost of
	// Now: patterns that time every task use it.
	Since(t time.Time) time.Duration
	// NewTimer returns a timer that sends the time on its channel after d.
	NewTimer(d time.Duration) Timer
	// AfterFunc calls f after d. The returned timer has a nil channel.
	AfterFunc(d time.Duration, f func()) Timer
}

// Timer is the part of [time.Timer] the patterns use.
type Timer interface {
	// C is the channel of a timer made by NewTimer; nil for AfterFunc timers.
	C() <-chan time.Time
	// Stop prevents the timer from firing; it reports whether it did so.
	Stop() bool
	// Reset makes the timer fire after d; it reports whether it was active.
	Reset(d time.Duration) bool
}

// Real returns the wall clock, backed by the time package.
func Real() Clock { return realClock{} }

type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

func (realClock) Since(t time.Time) time.Duration { return time.Since(t) }

func (realClock) NewTimer(d time.Duration) Timer { return realTimer{time.NewTimer(d)} }

func (realClock) AfterFunc(d time.Duration, f func()) Timer {
	return realTimer{time.AfterFunc(d, f)}
}

type realTimer struct{ t *time.Timer }

func (r realTimer) C() <-chan time.Time        { return r.t.C }
func (r realTimer) Stop() bool                 { return r.t.Stop() }
func (r realTimer) Reset(d time.Duration) bool { return r.t.Reset(d) }

// Or returns c, or the real clock when c is nil. Option handlers use it so a
// zero configuration means wall time.
func Or(c Clock) Clock {
	if c == nil {
		return Real()
	}
	return c
}

// Sleep waits d on c, or until ctx is done, in which case it returns
// ctx.Err(). On the real clock a d of zero or less does not wait and makes
// no timer: a zero-length timer waited on in a testing/synctest bubble has
// crashed the race-enabled runtime (Go 1.26.8, one package run in about
// twenty). On a virtual clock it waits for the clock's turn at the same
// instant, as before, so that runs replay exactly.
func Sleep(ctx context.Context, c Clock, d time.Duration) error {
	if _, real := c.(realClock); real && d <= 0 {
		return ctx.Err()
	}
	t := c.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C():
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
