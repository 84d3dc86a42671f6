package task

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/concurrency-patterns/playground/patterns/clock"
	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/internal/report"
)

var (
	// ErrMaxChildren: a start was refused because MaxChildren tasks run.
	ErrMaxChildren = errors.New("task: max children reached")
	// ErrStopped: a start was refused because the supervisor was stopped.
	ErrStopped = errors.New("task: supervisor stopped")
)

// Supervisor starts tasks and owns their goroutines (Elixir's
// Task.Supervisor). Create one with [NewSupervisor]; it is safe for
// concurrent use.
type Supervisor struct {
	cfg    config
	events report.To

	mu        sync.Mutex
	running   map[int]*child
	nextID    int
	stopped   bool
	abandoned int
	restarts  restarts
}

// child is what the supervisor knows of a running task.
type child struct {
	id       int
	cancel   context.CancelCauseFunc
	done     chan struct{}
	shutdown time.Duration // what Stop and TerminateChild give it to return
	life     *life         // a restartable task's incarnations; nil for others
}

// NewSupervisor returns a supervisor, or an error wrapping
// [ErrInvalidOption] for each bad option.
func NewSupervisor(opts ...Option) (*Supervisor, error) {
	cfg := config{maxChildren: -1, shutdown: 5 * time.Second, clock: clock.Real()}
	for _, opt := range opts {
		opt(&cfg)
	}
	if err := errors.Join(cfg.errs...); err != nil {
		return nil, err
	}
	return &Supervisor{cfg: cfg, events: report.New(cfg.hook, cfg.clock), running: map[int]*child{}}, nil
}

// start registers a new child, or refuses it without blocking.
func (s *Supervisor) start(spec childSpec) (*child, context.Context, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var err error
	switch {
	case s.stopped:
		err = ErrStopped
	case s.cfg.maxChildren >= 0 && len(s.running) >= s.cfg.maxChildren:
		err = ErrMaxChildren
	}
	if err != nil {
		s.emit(event.Refused, -1, err)
		return nil, nil, err
	}
	c, ctx := s.newChild(spec)
	s.nextID++
	s.running[c.id] = c
	s.emit(event.Started, c.id, nil)
	return c, ctx, nil
}

// exited forgets a child whose goroutine has returned.
func (s *Supervisor) exited(c *child) {
	s.mu.Lock()
	delete(s.running, c.id)
	s.mu.Unlock()
	close(c.done)
}

// Count reports how many tasks are running.
func (s *Supervisor) Count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.running)
}

// Abandoned reports how many tasks were given up on after their shutdown
// time; their goroutines may still be running.
func (s *Supervisor) Abandoned() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.abandoned
}

// Stop refuses new tasks, cancels every running one and waits for them in
// parallel, each up to its shutdown time; those still running are abandoned.
// It returns how many were abandoned.
func (s *Supervisor) Stop() int {
	s.mu.Lock()
	s.stopped = true
	children := make([]*child, 0, len(s.running))
	for _, c := range s.running {
		children = append(children, c)
	}
	s.mu.Unlock()
	var wg sync.WaitGroup
	abandoned := make(chan struct{}, len(children))
	for _, c := range children {
		wg.Go(func() {
			if !s.shutdown(c, c.shutdown) {
				abandoned <- struct{}{}
			}
		})
	}
	wg.Wait()
	return len(abandoned)
}

// shutdown cancels c and waits up to d for it to return. It reports whether
// it did; if not, c is abandoned.
func (s *Supervisor) shutdown(c *child, d time.Duration) bool {
	select {
	case <-c.done:
		return true
	default:
	}
	s.emit(event.Cancelled, c.id, ErrShutdown)
	c.cancel(ErrShutdown)
	timer := s.cfg.clock.NewTimer(d)
	defer timer.Stop()
	select {
	case <-c.done:
		return true
	case <-timer.C():
	}
	select {
	case <-c.done: // it returned just as time ran out: not abandoned
		return true
	default:
	}
	s.mu.Lock()
	s.abandoned++
	delete(s.running, c.id) // no longer counted against MaxChildren
	s.mu.Unlock()
	s.emit(event.Abandoned, c.id, ErrAbandoned)
	return false
}

func (s *Supervisor) emit(k event.Kind, id int, err error) {
	s.events.Emit(k, id, -1, 0, err)
}
