package stage

import (
	"context"
	"errors"
	"iter"
	"sync"
	"sync/atomic"
)

// ErrHalted is the failure of a [Stream] whose range loop ended before the
// stream did: the pipeline stops, and Wait returns it wrapped in an
// [*Error].
var ErrHalted = errors.New("stage: stream loop ended early")

// Stream is a consumer whose events are read with a range loop over
// [Stream.All]: the counterpart of GenStage.stream. Demand follows the loop:
// the stream asks its producers for more only as the loop takes events, so
// a slow loop slows the pipeline down like a slow consumer.
type Stream[T any] struct {
	c    *Consumer[T]
	ch   chan []T      // one call's events, handed to the loop
	ack  chan struct{} // the loop is done with them
	quit chan struct{} // closed when the loop ends, however it ends
	once sync.Once
	used atomic.Bool
}

// NewStream adds a stream consumer to pl. Subscribe it with
// [Stream.SubscribeTo], start the pipeline, then range over [Stream.All].
//
// Options: [MaxDemand], [MinDemand], as for a consumer.
func NewStream[T any](pl *Pipeline, opts ...Option) (*Stream[T], error) {
	s := &Stream[T]{ch: make(chan []T), ack: make(chan struct{}), quit: make(chan struct{})}
	c, err := newConsumer(streamRole, pl, s.hand, opts)
	if err != nil {
		return nil, err
	}
	s.c = c
	return s, nil
}

// ID is the stream's number in its pipeline, as events report it.
func (s *Stream[T]) ID() int { return s.consumer().ID() }

// SubscribeTo makes the stream take events from src; see
// [Consumer.SubscribeTo].
func (s *Stream[T]) SubscribeTo(src Source[T], opts ...SubscribeOption) error {
	return s.consumer().SubscribeTo(src, opts...)
}

// Cancel ends the stream's subscription to src; see [Consumer.Cancel].
func (s *Stream[T]) Cancel(src Source[T], reason error) error {
	return s.consumer().Cancel(src, reason)
}

func (s *Stream[T]) consumer() *Consumer[T] {
	if s.c == nil {
		panic("stage: zero Stream; make one with stage.NewStream")
	}
	return s.c
}

// All returns the stream's events, in the order the stream takes them.
// The loop ends when the stream's producers have finished and every event
// was read, or when the pipeline stops; call [Pipeline.Wait] after it to
// learn why. Breaking out of the loop (or a panic in it) stops the
// pipeline, which then reports [ErrHalted]: a stream has one reader, and
// events nobody will read are discarded and counted, never lost silently.
//
// Range over All once, after [Pipeline.Start]; a second range panics.
func (s *Stream[T]) All() iter.Seq[T] {
	c := s.consumer()
	return func(yield func(T) bool) {
		if !s.used.CompareAndSwap(false, true) {
			panic("stage: Stream.All ranged over twice; a stream has one reader")
		}
		defer s.once.Do(func() { close(s.quit) })
		for {
			select {
			case events := <-s.ch:
				for _, e := range events {
					if !yield(e) {
						return
					}
				}
				s.ack <- struct{}{}
			case <-c.b.done:
				return
			}
		}
	}
}

// hand is the consumer's function: it hands the events to the loop and
// waits until the loop is done with them. Once the loop holds them it
// waits for the loop even while the pipeline stops, so that the consumer
// never recycles a slice the loop still reads; the shutdown time bounds
// that wait.
func (s *Stream[T]) hand(ctx context.Context, events []T) error {
	select {
	case s.ch <- events:
	case <-s.quit:
		return ErrHalted
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case <-s.ack:
		return nil
	case <-s.quit:
		return ErrHalted
	}
}
