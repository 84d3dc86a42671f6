//go:build !pg_only || pg_spawn

package scenario

import (
	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/limiter"
)

// enqueue is a request arriving in bounded mode: it joins the queue.
func (s *spawner) enqueue(i int) {
	s.mu.Lock()
	s.queue = append(s.queue, i)
	s.emit(event.RequestArrived, i, -1, len(s.queue))
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
// queue is empty.
func (s *spawner) dispatch(lim *limiter.Limiter) error {
	for {
		s.mu.Lock()
		if len(s.queue) == 0 {
			ended := s.ended
			s.mu.Unlock()
			if ended {
				return nil
			}
			<-s.ready
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
