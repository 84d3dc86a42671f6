package stream

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"time"

	"github.com/concurrency-patterns/playground/patterns/clock"
	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/task"
)

// ErrInvalidOption is wrapped by every error [New] returns for a bad option.
var ErrInvalidOption = errors.New("stream: invalid option")

// TimeoutAction is what a task's timeout does to the stream.
type TimeoutAction uint8

const (
	// Exit ends the whole stream with a timeout error (Elixir's :exit).
	Exit TimeoutAction = iota
	// KillTask cancels that task, gives its item a timeout exit result and
	// goes on (Elixir's :kill_task).
	KillTask
)

// Option configures a [Stream].
type Option func(*config)

type config struct {
	maxConcurrency int
	ordered        bool
	window         int // ordered: most inputs pulled and not yet emitted
	windowSet      bool
	timeout        time.Duration // 0 means no timeout
	onTimeout      TimeoutAction
	zipInput       bool
	shutdown       time.Duration
	clock          clock.Clock
	hook           event.Hook
	sup            *task.Supervisor // nil: tasks belong to no supervisor
	errs           []error
}

func defaults() config {
	return config{
		maxConcurrency: runtime.GOMAXPROCS(0),
		ordered:        true,
		window:         math.MaxInt,
		timeout:        5 * time.Second,
		shutdown:       5 * time.Second,
		clock:          clock.Real(),
	}
}

func (c *config) invalid(format string, args ...any) {
	c.errs = append(c.errs, fmt.Errorf("%w: "+format, append([]any{ErrInvalidOption}, args...)...))
}

// MaxConcurrency bounds how many tasks run at once; n must be positive.
// The default is runtime.GOMAXPROCS(0).
func MaxConcurrency(n int) Option {
	return func(c *config) {
		if n <= 0 {
			c.invalid("max concurrency must be positive, got %d", n)
		}
		c.maxConcurrency = n
	}
}

// Unordered emits results as they complete instead of in input order.
func Unordered() Option { return func(c *config) { c.ordered = false } }

// OrderedWindow bounds an ordered stream's buffer: at most n inputs are
// pulled and not yet emitted, the running ones and the finished ones that
// wait for an earlier one. While n are out, no input is pulled, so one
// stuck item holds back at most n, not the whole source; a window smaller
// than [MaxConcurrency] also lowers the concurrency to n. n must be
// positive, and the stream ordered.
//
// The default is no bound, as in Elixir, where a slot is freed as soon as
// its task finishes: one slow item never idles the other slots, at the
// price of a buffer that may grow with the source. A window of twice
// MaxConcurrency or more keeps every slot busy past a slow item for as
// long as the others take to fill the window.
func OrderedWindow(n int) Option {
	return func(c *config) {
		if n <= 0 {
			c.invalid("ordered window must be positive, got %d", n)
		}
		c.window, c.windowSet = n, true
	}
}

// Timeout limits each task, counted from its start; d must be positive.
// Use [NoTimeout] to let tasks run as long as they like.
func Timeout(d time.Duration) Option {
	return func(c *config) {
		if d <= 0 {
			c.invalid("timeout must be positive, got %v (use NoTimeout for no limit)", d)
		}
		c.timeout = d
	}
}

// NoTimeout lets tasks run without a time limit (Elixir's :infinity).
func NoTimeout() Option { return func(c *config) { c.timeout = 0 } }

// OnTimeout says what a timeout does: [Exit] (the default) or [KillTask].
func OnTimeout(a TimeoutAction) Option {
	return func(c *config) {
		if a != Exit && a != KillTask {
			c.invalid("unknown timeout action %d", a)
		}
		c.onTimeout = a
	}
}

// ZipInputOnExit puts the input that caused an exit into the
// [task.ExitError]'s Input field.
func ZipInputOnExit() Option { return func(c *config) { c.zipInput = true } }

// Shutdown is how long a cancelled task may take to return before it is
// reported abandoned; 0 abandons at once (Elixir's :brutal_kill). The
// default is 5 s.
func Shutdown(d time.Duration) Option {
	return func(c *config) {
		if d < 0 {
			c.invalid("shutdown must not be negative, got %v", d)
		}
		c.shutdown = d
	}
}

// WithClock sets the clock timeouts are measured on (default: real time).
func WithClock(clk clock.Clock) Option { return func(c *config) { c.clock = clock.Or(clk) } }

// WithHook reports every step of the stream to h. h may be called from
// several goroutines at once.
func WithHook(h event.Hook) Option { return func(c *config) { c.hook = h } }
