package supervisor

import (
	"fmt"
	"time"

	"github.com/concurrency-patterns/playground/patterns/clock"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Option configures a [Supervisor].
type Option func(*config)

type config struct {
	maxChildren int // negative means no limit
	maxRestarts int
	period      time.Duration
	clock       clock.Clock
	hook        event.Hook
	errs        []error
}

// defaults are Elixir's: no limit on children, 3 restarts within 5 s.
func defaults() config {
	return config{maxChildren: -1, maxRestarts: 3, period: 5 * time.Second, clock: clock.Real()}
}

// invalid records a problem; New and StartChild report them all at once.
func invalid(errs *[]error, format string, args ...any) {
	*errs = append(*errs, fmt.Errorf("%w: "+format, append([]any{ErrInvalidOption}, args...)...))
}

// MaxChildren bounds how many children the supervisor holds at once (Elixir's
// max_children); n must not be negative. 0 is allowed, as in Elixir: every
// start is refused. Children that are being started, restarted or stopped
// count; abandoned ones do not. The default is no limit.
func MaxChildren(n int) Option {
	return func(c *config) {
		if n < 0 {
			invalid(&c.errs, "max children must not be negative, got %d", n)
		}
		c.maxChildren = n
	}
}

// MaxRestarts sets the restart intensity (Elixir's max_restarts and
// max_seconds): when a child needs a restart and n restarts already happened
// within the last period, the supervisor stops itself instead. n may be 0
// (the first restart stops it); period must be positive. The default is 3
// restarts within 5 s. A restart counts for one period after it happened,
// timed on the supervisor's clock; a refused restart does not count.
func MaxRestarts(n int, period time.Duration) Option {
	return func(c *config) {
		if n < 0 {
			invalid(&c.errs, "max restarts must not be negative, got %d", n)
		}
		if period <= 0 {
			invalid(&c.errs, "restart period must be positive, got %v", period)
		}
		c.maxRestarts, c.period = n, period
	}
}

// WithClock sets the clock restarts and shutdown times are measured on
// (default: real time).
func WithClock(clk clock.Clock) Option { return func(c *config) { c.clock = clock.Or(clk) } }

// WithHook reports every step of the supervisor to h. h is called from the
// supervisor's goroutine, one event at a time, so it must not block and must
// not call the supervisor.
func WithHook(h event.Hook) Option { return func(c *config) { c.hook = h } }
