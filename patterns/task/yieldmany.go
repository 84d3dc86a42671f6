package task

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/concurrency-patterns/playground/patterns/event"
)

// Outcome is one task's entry in what [YieldMany] returns: Elixir's
// {:ok, value} or {:exit, reason} when Done is true, nil when it is false.
type Outcome[T any] struct {
	Value T
	Err   error // the task's own error, or an *ExitError
	// Done is false when the task left no outcome: it is still running, or
	// the timeout action stopped it without a reply. Err may then still say
	// why: ErrIgnored, or an exit wrapping ErrAbandoned.
	Done bool
}

// TimeoutAction is what [YieldMany] does with the tasks that have no
// outcome when its time runs out (Elixir's :on_timeout).
type TimeoutAction uint8

const (
	// LeaveRunning leaves them as they are, to be awaited, yielded, ignored
	// or shut down later (Elixir's :nothing, the default).
	LeaveRunning TimeoutAction = iota
	// IgnoreTask ignores them, as [Task.Ignore] does (Elixir's :ignore).
	IgnoreTask
	// ShutdownTask shuts each down with its shutdown time, as
	// [Task.Shutdown] does, all at once; a reply that comes meanwhile is
	// its outcome (Elixir's `res || Task.shutdown(task)` after yield_many).
	ShutdownTask
	// KillTask shuts each down without waiting, as Shutdown([BrutalKill])
	// does (Elixir's :kill_task).
	KillTask
)

// YieldOption configures one [YieldMany] call.
type YieldOption func(*yieldConfig)

type yieldConfig struct {
	limit     int           // 0: every task
	timeout   time.Duration // negative: none
	onTimeout TimeoutAction
	errs      []error
}

// Limit makes YieldMany return as soon as n tasks have an outcome, without
// the timeout action (Elixir's :limit); n must be positive. The default is
// every task.
func Limit(n int) YieldOption {
	return func(c *yieldConfig) {
		if n <= 0 {
			c.errs = append(c.errs, invalid("limit must be positive, got %d", n))
		}
		c.limit = n
	}
}

// Within is how long YieldMany waits (Elixir's :timeout); the default is
// 5 s. 0 is a poll: the outcomes already there, then the timeout action.
// d must not be negative; use [WithoutTimeout] to wait as long as it takes.
func Within(d time.Duration) YieldOption {
	return func(c *yieldConfig) {
		if d < 0 {
			c.errs = append(c.errs, invalid("timeout must not be negative, got %v (use WithoutTimeout)", d))
		}
		c.timeout = d
	}
}

// WithoutTimeout lets YieldMany wait until its limit is reached or its
// context ends (Elixir's :infinity).
func WithoutTimeout() YieldOption { return func(c *yieldConfig) { c.timeout = -1 } }

// OnTimeout sets what happens to the tasks left without an outcome; the
// default is [LeaveRunning].
func OnTimeout(a TimeoutAction) YieldOption {
	return func(c *yieldConfig) {
		if a > KillTask {
			c.errs = append(c.errs, invalid("unknown timeout action %d", a))
		}
		c.onTimeout = a
	}
}

// YieldMany waits for several tasks at once and returns an outcome for
// each, in the order of tasks (Elixir's Task.yield_many). It returns when
// every task has an outcome, when [Limit] outcomes are in (then no timeout
// action is taken, and the tasks not counted keep theirs for a later call),
// or when its time ([Within], 5 s by default) runs out: then the tasks
// without an outcome get the [OnTimeout] action. A task that returns just
// as the time runs out has its outcome. If ctx ends first, YieldMany
// returns what it has, after the same action, with ctx.Err().
//
// An ignored task gets an outcome with Err [ErrIgnored] and is not waited
// for. A bad option is an error wrapping [ErrInvalidOption], and then no
// task is looked at. Like [AwaitMany], it has one goroutine watch each task
// still running while it waits.
func YieldMany[T any](ctx context.Context, tasks []*Task[T], opts ...YieldOption) ([]Outcome[T], error) {
	cfg := yieldConfig{timeout: defaultAwait}
	for _, opt := range opts {
		opt(&cfg)
	}
	if err := errors.Join(cfg.errs...); err != nil {
		return nil, err
	}
	out := make([]Outcome[T], len(tasks))
	ignored := func(i int) bool { return tasks[i].ignored.Load() }
	want := 0
	for i := range tasks {
		if ignored(i) {
			out[i].Err = ErrIgnored
		} else {
			want++
		}
	}
	if cfg.limit > 0 && cfg.limit < want {
		want = cfg.limit
	}
	s := supervisorOf(tasks)
	var expired <-chan struct{}
	if cfg.timeout >= 0 {
		ch, stop := s.expiry(cfg.timeout)
		defer stop()
		expired = ch
	}
	w := watch(tasks, ignored)
	defer w.close()
	got := 0
	take := func(i int) {
		t := tasks[i]
		w.taken[i] = true
		out[i] = Outcome[T]{Value: t.value, Err: t.err, Done: true}
		got++
	}
	for got < want {
		i, ok := w.next(ctx, expired)
		if !ok {
			break
		}
		take(i)
	}
	if got == want {
		return out, nil
	}
	for i, t := range tasks { // the time ran out: tasks done by now count
		if got < want && !w.taken[i] && !ignored(i) && t.done() {
			take(i)
		}
	}
	if got < want {
		act(cfg.onTimeout, tasks, out, func(i int) bool { return w.taken[i] || ignored(i) })
	}
	return out, ctx.Err()
}

// act applies a timeout action to every task that skip does not exclude,
// writing what it finds into out.
func act[T any](a TimeoutAction, tasks []*Task[T], out []Outcome[T], skip func(int) bool) {
	var wg sync.WaitGroup
	for i, t := range tasks {
		if skip(i) {
			continue
		}
		switch a {
		case LeaveRunning:
			t.s.emit(event.StillRunning, t.child.id, ErrTimeout)
		case IgnoreTask:
			v, err, ok := t.Ignore()
			out[i] = Outcome[T]{Value: v, Err: err, Done: ok}
		case ShutdownTask, KillTask:
			d := t.child.shutdown
			if a == KillTask {
				d = BrutalKill
			}
			wg.Go(func() {
				v, err, ok := t.Shutdown(d)
				if !ok && err == nil { // stopped without a reply, as YieldOrShutdown reports it
					t.s.emit(event.TimedOut, t.child.id, ErrTimeout)
				}
				out[i] = Outcome[T]{Value: v, Err: err, Done: ok}
			})
		}
	}
	wg.Wait()
}
