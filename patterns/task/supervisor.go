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
// Task.Supervisor). Create one with [NewSupervisor]: the zero value is not
// usable, and every method panics on it with a message that says so. It is
// safe for concurrent use.
type Supervisor struct {
	cfg    config
	events report.To

	mu        sync.Mutex
	running   map[int]*child // nil only in a zero Supervisor
	nextID    int
	stopped   bool
	abandoned int
	restarts  restarts
}

// child is what the supervisor knows of a running task.
type child struct {
	id       int
	cancel   context.CancelCauseFunc
	done     chan struct{} // closed when the task's goroutine has returned
	gone     chan struct{} // closed when the task is abandoned
	shutdown time.Duration // what Stop and TerminateChild give it to return
	life     *life         // a restartable task's incarnations; nil for others

	// Guarded by the supervisor's mu.
	returned  bool
	cancelled bool        // the supervisor cancelled it: Shutdown, Stop, TerminateChild or giving up
	abandoned bool        // given up on; its goroutine may still run
	verdict   clock.Timer // abandons it at verdictAt unless it returns first
	verdictAt time.Time
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

// lock takes s.mu, refusing a Supervisor that NewSupervisor did not make.
func (s *Supervisor) lock() {
	if s == nil {
		panic("task: nil Supervisor; make one with task.NewSupervisor")
	}
	s.mu.Lock()
	if s.running == nil {
		s.mu.Unlock()
		panic("task: zero Supervisor; make one with task.NewSupervisor")
	}
}

// start registers a new child, or refuses it without blocking.
func (s *Supervisor) start(spec childSpec) (*child, context.Context, error) {
	s.lock()
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
	c.returned = true
	if !c.abandoned {
		delete(s.running, c.id)
	}
	if c.verdict != nil {
		c.verdict.Stop()
	}
	s.mu.Unlock()
	close(c.done)
}

// Count reports how many tasks are running, those cancelled but not yet
// returned or abandoned included.
func (s *Supervisor) Count() int {
	s.lock()
	defer s.mu.Unlock()
	return len(s.running)
}

// Abandoned reports how many tasks were given up on after their shutdown
// time; their goroutines may still be running. Each task counts once,
// whoever gave up on it.
func (s *Supervisor) Abandoned() int {
	s.lock()
	defer s.mu.Unlock()
	return s.abandoned
}

// Stop refuses new tasks, cancels every running one and waits for them in
// parallel, each up to its shutdown time; those still running are abandoned.
// It returns how many of the tasks it waited for were abandoned, by it or
// by a [Task.Shutdown] running at the same time.
func (s *Supervisor) Stop() int {
	s.lock()
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
			if !s.shutdown(c, c.shutdown, true) {
				abandoned <- struct{}{}
			}
		})
	}
	wg.Wait()
	return len(abandoned)
}

// shutdown cancels c, once, and gives it d to return: past that it is
// abandoned. With wait, it waits for the outcome and reports whether c
// returned (false: abandoned); without, it returns true at once. Two
// shutdowns of one task share one verdict, the earlier one.
func (s *Supervisor) shutdown(c *child, d time.Duration, wait bool) bool {
	s.mu.Lock()
	if c.returned || c.abandoned {
		s.mu.Unlock()
		return !c.abandoned
	}
	first := !c.cancelled
	c.cancelled = true
	at := s.cfg.clock.Now().Add(d)
	switch {
	case c.verdict == nil:
		c.verdict, c.verdictAt = s.cfg.clock.AfterFunc(d, func() { s.abandon(c) }), at
	case at.Before(c.verdictAt):
		c.verdict.Reset(d)
		c.verdictAt = at
	}
	s.mu.Unlock()
	if first {
		s.emit(event.Cancelled, c.id, ErrShutdown)
		c.cancel(ErrShutdown)
	}
	if !wait {
		return true
	}
	select {
	case <-c.done:
		return true
	case <-c.gone:
		return false
	}
}

// abandon gives up on c if it has not returned: the verdict of a shutdown
// whose time ran out.
func (s *Supervisor) abandon(c *child) {
	s.mu.Lock()
	if c.returned || c.abandoned {
		s.mu.Unlock()
		return
	}
	c.abandoned = true
	s.abandoned++
	delete(s.running, c.id) // no longer counted against MaxChildren
	s.mu.Unlock()
	s.emit(event.Abandoned, c.id, ErrAbandoned)
	close(c.gone)
}

func (s *Supervisor) emit(k event.Kind, id int, err error) {
	s.events.Emit(k, id, -1, 0, err)
}
