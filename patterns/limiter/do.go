package limiter

import (
	"context"
	"errors"

	"github.com/concurrency-patterns/playground/patterns/task"
)

// errGoexit is the reason reported when a function run by Do called
// runtime.Goexit.
var errGoexit = errors.New("limiter: function called runtime.Goexit")

// Do runs fn while holding a slot, the way the Elixir RateLimiter is meant
// to be used: acquire, work, release. It returns Acquire's error without
// running fn, or fn's own error.
//
// The slot is given back however fn ends. If fn panics, Do releases the
// slot and then panics again with the same value, so the caller's program
// fails as it would have without the limiter; the released event carries a
// [task.PanicError] with fn's stack. This is the Go counterpart of OTP
// freeing the slot of a holder that crashed: the slot is never lost, but a
// panic is not turned into an error behind the caller's back.
func (l *Limiter) Do(ctx context.Context, fn func(context.Context) error) error {
	id, slot := -1, -1
	if !l.fastTake(ctx) {
		var err error
		if id, slot, err = l.acquire(ctx, false); err != nil {
			return err
		}
	}
	returned := false
	defer func() {
		if returned {
			return
		}
		p := recover()
		var reason error
		if l.hook != nil { // the stack is only worth taking for the hook
			reason = errGoexit
			if p != nil {
				reason = task.Recovered(p)
			}
		}
		l.release(id, slot, reason)
		if p != nil {
			panic(p)
		}
	}()
	err := fn(ctx)
	returned = true
	l.release(id, slot, nil)
	return err
}

// fastTake takes a slot for Do without the lock when no hook is set, ctx is
// not done, a slot is free and nobody waits.
func (l *Limiter) fastTake(ctx context.Context) bool {
	if l.hook != nil {
		return false
	}
	if done := ctx.Done(); done != nil {
		select {
		case <-done:
			return false // acquire reports it
		default:
		}
	}
	return l.tryTake(false)
}
