package faulttest

import (
	"context"
	"errors"
	"math/rand/v2"
	"time"
)

// ErrWentAway is the cause of the cancellations Context makes.
var ErrWentAway = errors.New("faulttest: the caller went away")

// Context derives from parent, at random, a context that never ends, one
// with a deadline, one cancelled (with ErrWentAway as its cause) at a
// random time, or one already cancelled. It returns the deadline, zero if
// none, and a cancel function to call once done with the context. The
// times are up to within.
func Context(r *rand.Rand, parent context.Context, within time.Duration) (ctx context.Context, deadline time.Time, cancel context.CancelFunc) {
	after := time.Duration(1 + r.Int64N(int64(within)))
	switch r.IntN(4) {
	case 0:
		return parent, time.Time{}, func() {}
	case 1:
		ctx, cancel := context.WithTimeout(parent, after)
		deadline, _ := ctx.Deadline()
		return ctx, deadline, cancel
	case 2:
		ctx, cancelCause := context.WithCancelCause(parent)
		stop := time.AfterFunc(after, func() { cancelCause(ErrWentAway) })
		return ctx, time.Time{}, func() { stop.Stop(); cancelCause(nil) }
	default:
		ctx, cancel := context.WithCancel(parent)
		cancel()
		return ctx, time.Time{}, cancel
	}
}
