package pool

import (
	"errors"
	"fmt"
	"time"

	"github.com/concurrency-patterns/playground/patterns/clock"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// ErrInvalidOption is wrapped by every error [New] returns for a bad
// argument or option.
var ErrInvalidOption = errors.New("pool: invalid option")

// Strategy says which idle worker a checkout gets.
type Strategy uint8

const (
	// LIFO hands out the worker checked in last (poolboy's default), so a
	// few workers stay warm and the rest stay idle.
	LIFO Strategy = iota
	// FIFO hands out the worker that has been idle longest, spreading the
	// work over every worker.
	FIFO
)

func (s Strategy) String() string {
	switch s {
	case LIFO:
		return "lifo"
	case FIFO:
		return "fifo"
	}
	return fmt.Sprintf("Strategy(%d)", uint8(s))
}

// Option configures a [Pool].
type Option func(*config)

type config struct {
	size        int
	maxOverflow int
	strategy    Strategy
	timeout     time.Duration // 0: wait as long as it takes
	clock       clock.Clock
	hook        event.Hook
	errs        []error
}

// defaults are poolboy's.
func defaults() config {
	return config{size: 5, maxOverflow: 10, timeout: 5 * time.Second, clock: clock.Real()}
}

func (c *config) invalid(format string, args ...any) {
	c.errs = append(c.errs, fmt.Errorf("%w: "+format, append([]any{ErrInvalidOption}, args...)...))
}

// Size is how many workers the pool keeps, created by [New] (poolboy's
// size, default 5). n may be 0 when [MaxOverflow] is not.
func Size(n int) Option {
	return func(c *config) {
		if n < 0 {
			c.invalid("size must not be negative, got %d", n)
		}
		c.size = n
	}
}

// MaxOverflow is how many extra workers the pool may create when all are
// checked out (poolboy's max_overflow, default 10). An extra worker is
// dismissed when it is checked in and nobody waits.
func MaxOverflow(n int) Option {
	return func(c *config) {
		if n < 0 {
			c.invalid("max overflow must not be negative, got %d", n)
		}
		c.maxOverflow = n
	}
}

// WithStrategy sets which idle worker a checkout gets: [LIFO] (the default)
// or [FIFO].
func WithStrategy(s Strategy) Option {
	return func(c *config) {
		if s != LIFO && s != FIFO {
			c.invalid("unknown strategy %d", s)
		}
		c.strategy = s
	}
}

// Timeout bounds how long [Pool.Checkout] waits for a worker (default 5 s,
// poolboy's checkout timeout). A context's deadline bounds the wait as
// well: the earlier of the two wins. d must be positive; use [NoTimeout]
// to wait until a worker is free or the context ends.
func Timeout(d time.Duration) Option {
	return func(c *config) {
		if d <= 0 {
			c.invalid("timeout must be positive, got %v (use NoTimeout for no limit)", d)
		}
		c.timeout = d
	}
}

// NoTimeout lets Checkout wait until a worker is free or its context ends
// (Erlang's infinity).
func NoTimeout() Option { return func(c *config) { c.timeout = 0 } }

// WithClock sets the clock the checkout timeout runs on and events are
// stamped with (default: real time).
func WithClock(clk clock.Clock) Option { return func(c *config) { c.clock = clock.Or(clk) } }

// WithHook reports every step of the pool to h, synchronously and in the
// order the steps took effect. h may be called from several goroutines
// (the checkout timer's among them), but never from two at once, and must
// not call back into the pool: it runs under the pool's lock. If h panics,
// the panic is recovered and h is told with an [event.HookPanicked] event;
// the pool goes on unharmed.
func WithHook(h event.Hook) Option { return func(c *config) { c.hook = h } }
