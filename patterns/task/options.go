package task

import (
	"errors"
	"fmt"
	"time"

	"github.com/concurrency-patterns/playground/patterns/clock"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// ErrInvalidOption is wrapped by every error [NewSupervisor] returns for a
// bad option.
var ErrInvalidOption = errors.New("task: invalid option")

// BrutalKill as a shutdown time means: cancel and do not wait (Elixir's
// :brutal_kill). Given to [Task.Shutdown], the task still has the
// supervisor's shutdown time to return before it is reported abandoned;
// as the supervisor's own [Shutdown], there is no such grace: a task that
// has not returned by the time its clock next fires a timer is abandoned.
const BrutalKill time.Duration = 0

// Option configures a [Supervisor].
type Option func(*config)

type config struct {
	maxChildren int // negative: unlimited
	shutdown    time.Duration
	more        // the options of await.go and restart.go
	clock       clock.Clock
	hook        event.Hook
	errs        []error
}

func (c *config) invalid(format string, args ...any) {
	c.errs = append(c.errs, invalid(format, args...))
}

// invalid is an error wrapping ErrInvalidOption.
func invalid(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrInvalidOption}, args...)...)
}

// MaxChildren bounds how many tasks may run at once; n must not be
// negative. 0 is allowed, as in Elixir: every start is refused. The default
// is no bound (Elixir's :infinity).
func MaxChildren(n int) Option {
	return func(c *config) {
		if n < 0 {
			c.invalid("max children must not be negative, got %d", n)
		}
		c.maxChildren = n
	}
}

// Shutdown is how long [Supervisor.Stop] lets a cancelled task take to
// return before it is abandoned; [BrutalKill] waits not at all. Default 5 s.
func Shutdown(d time.Duration) Option {
	return func(c *config) {
		if d < 0 {
			c.invalid("shutdown must not be negative, got %v", d)
		}
		c.shutdown = d
	}
}

// WithClock sets the clock that yields and shutdowns wait on.
func WithClock(clk clock.Clock) Option { return func(c *config) { c.clock = clock.Or(clk) } }

// WithHook reports every task's life to h, which may be called from several
// goroutines at once.
func WithHook(h event.Hook) Option { return func(c *config) { c.hook = h } }
