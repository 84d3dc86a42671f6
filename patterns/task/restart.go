package task

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/internal/intensity"
)

// ErrMaxIntensity is wrapped by [Supervisor.Err] once a task needed more
// restarts within the period than [MaxRestarts] allows, and the supervisor
// stopped itself.
var ErrMaxIntensity = errors.New("task: reached max restart intensity")

// MaxRestarts sets the restart intensity (Elixir's max_restarts and
// max_seconds, which Task.Supervisor takes from DynamicSupervisor): when a
// task needs a restart and n restarts already happened within the last
// period, the supervisor stops itself instead. It cancels every task and
// refuses new ones, as after Stop, and [Supervisor.Err] says why; Stop
// still waits for the tasks. n may be 0; period must be positive. The
// default is 3 restarts within 5 s.
func MaxRestarts(n int, period time.Duration) Option {
	return func(c *config) {
		if n < 0 {
			c.invalid("max restarts must not be negative, got %d", n)
		}
		if period <= 0 {
			c.invalid("restart period must be positive, got %v", period)
		}
		c.maxRestarts, c.period = n, period
	}
}

// intensity returns the restart limit and its period.
func (c *config) intensity() (int, time.Duration) {
	if c.period == 0 {
		return 3, 5 * time.Second
	}
	return c.maxRestarts, c.period
}

// restarts is the supervisor's record of recent restarts. Guarded by its mu.
type restarts struct {
	window intensity.Window
	gaveUp error // why the supervisor stopped itself, if it did
}

// Err returns nil while the supervisor runs, [ErrStopped] once it was
// stopped, and an error wrapping [ErrMaxIntensity] if it stopped itself
// because a task needed too many restarts.
func (s *Supervisor) Err() error {
	s.lock()
	defer s.mu.Unlock()
	switch {
	case s.restarts.gaveUp != nil:
		return s.restarts.gaveUp
	case s.stopped:
		return ErrStopped
	}
	return nil
}

// life is a restartable task's state across its incarnations.
type life struct {
	restart Restart
	mu      sync.Mutex
	current context.CancelCauseFunc // the running incarnation's
	stopped bool                    // the supervisor cancelled the task
}

// stop is the task's cancel func: it ends the current incarnation and
// every later one.
func (l *life) stop(cause error) {
	l.mu.Lock()
	l.stopped = true
	cancel := l.current
	l.mu.Unlock()
	cancel(cause)
}

// wants reports whether the task's policy restarts it after this exit.
func (l *life) wants(err error, panicked bool) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	switch {
	case l.stopped:
		return false
	case l.restart == Permanent:
		return true
	}
	abnormal := panicked || err != nil && !errors.Is(err, ErrShutdown)
	return l.restart == Transient && abnormal
}

// next is the context of the next incarnation, unless the task was
// cancelled meanwhile.
func (l *life) next() (context.Context, bool) {
	ctx, cancel := context.WithCancelCause(context.Background())
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.stopped {
		cancel(nil)
		return nil, false
	}
	l.current = cancel
	return ctx, true
}

// again decides whether c runs once more after an incarnation ended with
// err, and returns the context it runs with. A restart past the intensity
// stops the supervisor.
func (s *Supervisor) again(c *child, err error, panicked bool) (context.Context, bool) {
	if c.life == nil || !c.life.wants(err, panicked) {
		return nil, false
	}
	max, period := s.cfg.intensity()
	now := s.cfg.clock.Now()
	s.mu.Lock()
	if s.stopped {
		s.mu.Unlock()
		return nil, false
	}
	s.restarts.window.Period = period
	n, allowed := s.restarts.window.Add(now, max)
	if !allowed {
		s.giveUp(c, err, n, period) // unlocks s.mu
		return nil, false
	}
	s.mu.Unlock()
	ctx, ok := c.life.next()
	if ok {
		s.events.Emit(event.Restarted, c.id, -1, n, nil)
		s.emit(event.Started, c.id, nil)
	}
	return ctx, ok
}

// giveUp stops the supervisor because c's restart would be one too many:
// new starts are refused, and every other task is cancelled. s.mu must be
// held; giveUp releases it before it cancels anything, since a task's
// cancel may call into another pattern (see Enroll).
func (s *Supervisor) giveUp(c *child, exit error, n int, period time.Duration) {
	why := "a normal exit"
	if exit != nil {
		why = exit.Error()
	}
	reason := fmt.Errorf("%w: %d restarts within %v, the last for task %d after %s",
		ErrMaxIntensity, n, period, c.id, why)
	s.stopped, s.restarts.gaveUp = true, reason
	var others []*child
	for _, o := range s.running {
		if o != c && !o.cancelled {
			o.cancelled = true
			others = append(others, o)
		}
	}
	s.mu.Unlock()
	s.events.Emit(event.IntensityReached, c.id, -1, n, reason)
	for _, o := range others {
		s.emit(event.Cancelled, o.id, ErrShutdown)
		o.cancel(ErrShutdown)
	}
}

// run runs one incarnation of c on the calling goroutine: fn's panic is
// recovered here, as its exit. When it ends, the task is restarted by its
// policy on a new goroutine, or its outcome is kept and c is let go.
func run[T any](s *Supervisor, c *child, ctx context.Context, fn func(context.Context) (T, error), keep func(T, error)) {
	var (
		v        T
		err      error
		returned bool
	)
	defer func() {
		if !returned {
			var reason error = errGoexit
			if p := recover(); p != nil {
				reason = Recovered(p)
			}
			err = &ExitError{Reason: reason}
			s.emit(event.Panicked, c.id, err)
		}
		if next, ok := s.again(c, err, !returned); ok {
			go run(s, c, next, fn, keep)
			return
		}
		keep(v, err)
		s.exited(c)
	}()
	v, err = fn(ctx)
	returned = true
	kind := event.Finished
	if err != nil {
		kind = event.Failed
	}
	s.emit(kind, c.id, err)
}
