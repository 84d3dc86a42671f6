package pool

import (
	"context"
	"errors"

	"github.com/concurrency-patterns/playground/patterns/task"
)

var errGoexit = errors.New("pool: function called runtime.Goexit")

// Transaction checks a worker out, runs fn with it and gives it back
// however fn ends, like poolboy:transaction. It returns Checkout's error
// without running fn, or fn's own error.
//
// When fn returns normally, the worker is checked in, unless fn's error
// wraps [ErrBroken]: then it is discarded and replaced. When fn panics (or
// calls runtime.Goexit), the worker is discarded too, because fn may have
// left it half-way through a change, and the panic goes on to the caller.
// This differs from poolboy, where a crash in the caller cannot harm the
// worker process and the worker is checked in.
func (p *Pool[W]) Transaction(ctx context.Context, fn func(context.Context, W) error) error {
	w, err := p.Checkout(ctx)
	if err != nil {
		return err
	}
	returned := false
	defer func() {
		if returned {
			return
		}
		r := recover()
		var reason error
		if p.hook != nil { // the stack is only worth taking for the hook
			reason = errGoexit
			if r != nil {
				reason = task.Recovered(r)
			}
		}
		if r != nil {
			// Deferred, so that fn's panic is the one that goes on even
			// if the destructor panics too.
			defer panic(r)
		}
		p.Discard(w, reason)
	}()
	err = fn(ctx, w.value)
	returned = true
	if errors.Is(err, ErrBroken) {
		p.Discard(w, err)
	} else {
		p.Checkin(w)
	}
	return err
}
