package scenario

import (
	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/limiter"
)

// runBounded is bounded mode: n requests arrive into a queue that one
// dispatcher empties through a limiter of max slots.
func (s *spawner) runBounded(n int) error {
	lim, err := limiter.New(s.v.Int("max"), limiter.WithClock(s.clk), limiter.WithHook(s.limiterHook))
	if err != nil {
		return err
	}
	dispatched := make(chan error, 1)
	go func() { dispatched <- s.dispatch(lim) }()
	err = atRate(s.ctx, s.clk, n, s.v.Float("rate"), s.enqueue)
	s.mu.Lock()
	s.ended = true
	s.mu.Unlock()
	s.signal()
	if derr := <-dispatched; err == nil {
		err = derr
	}
	return err
}

// limiterHook passes the limiter's events on while the process lives.
func (s *spawner) limiterHook(e event.Event) {
	if s.hook != nil && !s.crashed.Load() {
		s.hook(e)
	}
}

// enqueue is a request arriving in bounded mode: it joins the queue, or is
// shed when the queue is full.
func (s *spawner) enqueue(i int) {
	s.mu.Lock()
	if len(s.queue) >= s.v.Int("queue") {
		s.emit(RequestShed, i, -1, len(s.queue))
		s.mu.Unlock()
		return
	}
	s.queue = append(s.queue, i)
	s.emit(RequestArrived, i, -1, len(s.queue))
	s.outOfMemory()
	s.mu.Unlock()
	s.signal()
}

func (s *spawner) signal() {
	select {
	case s.ready <- struct{}{}:
	default:
	}
}

// dispatch is bounded mode's accept loop: for the request at the head of
// the queue it takes a limiter slot, then spawns its handler, which gives
// the slot back when done. It returns when arrivals have ended and the
// queue is empty, or when the process dies.
func (s *spawner) dispatch(lim *limiter.Limiter) error {
	for {
		s.mu.Lock()
		if len(s.queue) == 0 {
			ended := s.ended
			s.mu.Unlock()
			if ended {
				return nil
			}
			select {
			case <-s.ready:
			case <-s.ctx.Done():
				return s.ctx.Err()
			}
			continue
		}
		next := s.queue[0]
		s.mu.Unlock()
		if err := lim.Acquire(limiter.WithCaller(s.ctx, next)); err != nil {
			return err
		}
		s.mu.Lock()
		s.queue = s.queue[1:]
		s.spawn(next, lim.Release)
		s.mu.Unlock()
	}
}
