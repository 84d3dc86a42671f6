// Package ctxerr says, in one way for every pattern, why a context ended.
//
// ctx.Err() alone loses a cause given with context.WithCancelCause, and
// context.Cause alone hides context.Canceled behind that cause, so a
// caller's errors.Is(err, context.Canceled) would depend on how, and when,
// the context was read. [Of] keeps both.
package ctxerr

import (
	"context"
	"errors"
	"fmt"
)

// Of returns nil while ctx runs. Once it is done it returns ctx.Err(),
// wrapping context.Cause(ctx) too when that is an error of its own:
// errors.Is then matches context.Canceled (or context.DeadlineExceeded)
// and the cause alike.
func Of(ctx context.Context) error {
	err := ctx.Err()
	if err == nil {
		return nil
	}
	cause := context.Cause(ctx) // err itself when no cause was given
	if errors.Is(cause, err) {
		return cause
	}
	return fmt.Errorf("%w: %w", err, cause)
}
