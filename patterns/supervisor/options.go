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
	backoff     backoff // zero: restart at once
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

// backoff is how long restarts wait: first, then twice as long each time
// up to max.
type backoff struct{ first, max time.Duration }

// RestartBackoff delays restarts, which OTP does not: by default a child is
// restarted at once, and only the intensity ([MaxRestarts]) stops a child
// that keeps failing. With a backoff, a child's first restart waits first,
// each further one twice as long as the one before, up to max; a child
// that ran for max or longer before it exited starts again from first.
// RestartBackoff(d, d) waits d every time.
//
// The intensity still counts each restart when the exit asks for it. While
// it waits, a child is held: it counts against [MaxChildren], is listed by
// [Supervisor.WhichChildren] as restarting, and stopping it (or the
// supervisor) removes it at once. first must be positive and max at least
// first.
func RestartBackoff(first, max time.Duration) Option {
	return func(c *config) {
		if first <= 0 {
			invalid(&c.errs, "restart backoff must be positive, got %v", first)
		}
		if max < first {
			invalid(&c.errs, "restart backoff max must be at least its first delay (%v), got %v", first, max)
		}
		c.backoff = backoff{first: first, max: max}
	}
}

// next is the delay of a child's next restart, after last (0 for none yet)
// and an incarnation that ran for ran.
func (b backoff) next(last, ran time.Duration) time.Duration {
	switch {
	case b.first == 0:
		return 0
	case last == 0 || ran >= b.max:
		return b.first
	case last > b.max/2:
		return b.max
	}
	return 2 * last
}

// WithClock sets the clock restarts and shutdown times are measured on
// (default: real time).
func WithClock(clk clock.Clock) Option { return func(c *config) { c.clock = clock.Or(clk) } }

// WithHook reports every step of the supervisor to h. h is called from the
// supervisor's goroutine, one event at a time, so it must not block and must
// not call the supervisor.
func WithHook(h event.Hook) Option { return func(c *config) { c.hook = h } }
