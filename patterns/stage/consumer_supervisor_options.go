package stage

import (
	"time"

	"github.com/concurrency-patterns/playground/patterns/supervisor"
)

// Defaults of a [ConsumerSupervisor]'s restart intensity, those of
// ConsumerSupervisor (and every OTP supervisor): 3 restarts in 5 s.
const (
	DefaultMaxRestarts   = 3
	DefaultRestartPeriod = 5 * time.Second
)

// ChildRestart is the restart policy of a consumer supervisor's children:
// [supervisor.Temporary] (the default: a child runs once, however it ends)
// or [supervisor.Transient] (a child that fails runs again for its event).
// [supervisor.Permanent] is refused, as ConsumerSupervisor refuses it: a
// child per event is meant to end.
func ChildRestart(r supervisor.Restart) Option {
	return func(c *config) {
		switch r {
		case supervisor.Temporary, supervisor.Transient:
		case supervisor.Permanent:
			c.invalid("a consumer supervisor's children cannot be permanent: they are started for one event each (use supervisor.Temporary or supervisor.Transient)")
		default:
			c.invalid("unknown restart policy %d", r)
		}
		c.childRestart, c.set = r, c.set|setChildRestart
	}
}

// MaxRestarts is a consumer supervisor's restart intensity: one restart
// more than n within period, on the pipeline's clock, and the supervisor
// fails, which stops the pipeline (ConsumerSupervisor's max_restarts and
// max_seconds). n must not be negative and period must be positive; the
// default is 3 within 5 s.
func MaxRestarts(n int, period time.Duration) Option {
	return func(c *config) {
		if n < 0 {
			c.invalid("max restarts must not be negative, got %d", n)
		}
		if period <= 0 {
			c.invalid("restart period must be positive, got %v", period)
		}
		c.maxRestarts, c.restartPeriod, c.set = n, period, c.set|setMaxRestarts
	}
}
