package limiter

import (
	"errors"
	"fmt"

	"github.com/concurrency-patterns/playground/patterns/clock"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// ErrInvalidOption is wrapped by every error [New] returns for a bad
// argument or option.
var ErrInvalidOption = errors.New("limiter: invalid option")

// Option configures a [Limiter].
type Option func(*config)

type config struct {
	clock clock.Clock
	hook  event.Hook
	errs  []error
}

func (c *config) invalid(format string, args ...any) {
	c.errs = append(c.errs, fmt.Errorf("%w: "+format, append([]any{ErrInvalidOption}, args...)...))
}

// WithClock sets the clock that timestamps events (default: real time). The
// limiter has no timeouts of its own: a caller bounds its wait with its
// context.
func WithClock(clk clock.Clock) Option { return func(c *config) { c.clock = clock.Or(clk) } }

// WithHook reports every step of the limiter to h, synchronously and in the
// order the steps took effect. h may be called from several goroutines, but
// never from two at once, and must not call back into the limiter: it runs
// under the limiter's lock. If h panics, the panic is recovered and h is
// told with an [event.HookPanicked] event; the limiter goes on unharmed.
func WithHook(h event.Hook) Option { return func(c *config) { c.hook = h } }
