package pool

import (
	"context"
	"errors"

	"github.com/concurrency-patterns/playground/patterns/task"
)

// Transaction checks a worker out, runs fn with it and gives it back
// however fn ends, like poolboy:transaction, whose "after" clause checks
// the worker in. It returns Checkout's error without running fn, or fn's
// own error.
//
// The worker is checked in when fn returns, panics or calls
// runtime.Goexit, and the panic goes on to the caller: as in poolboy, a
// crash of the caller does not make its worker unfit. A worker fn reports
// dead is discarded and replaced at once (see [Pool.Discard]) instead: fn
// returns an error wrapping [ErrBroken], or panics with one, as poolboy
// replaces a worker whose own process died.
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
		if r != nil {
			// Deferred, so that fn's panic is the one that goes on even
			// if the destructor or the constructor panics too.
			defer panic(r)
		}
		if e, ok := r.(error); ok && errors.Is(e, ErrBroken) {
			var reason error = e
			if p.hook != nil { // the stack is only worth taking for the hook
				reason = task.Recovered(r)
			}
			p.Discard(w, reason)
			return
		}
		p.Checkin(w)
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
