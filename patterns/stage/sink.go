package stage

import (
	"context"
	"errors"
	"sync/atomic"

	"github.com/concurrency-patterns/playground/patterns/event"
)

// sink is the consuming half of a stage: its subscriptions, the demand
// protocol with each producer, and the rule for failures of its function.
type sink[T any] struct {
	b        *base
	max, min int
	wake     chan struct{}
	subs     []*subscription[T] // those not yet ended; owned by the stage's goroutine once started
	all      []*subscription[T] // every one, fixed at Start, for cancels from any goroutine
	turn     int                // the subscription looked at first, so producers take turns
	onFailed func(context.Context, []T, error)
	onCancel func(context.Context, int, error)
	notice   atomic.Bool      // a subscription was cancelled: look at the ends first
	current  *subscription[T] // where the events next returned came from
}

// configureSink is configure for a consuming stage of events T: it also
// checks the HandleFailed function's type.
func configureSink[T any](r role, pl *Pipeline, missingFn bool, opts []Option) (config, func(context.Context, []T, error), error) {
	cfg, err := configure(r, pl, missingFn, opts)
	onFailed, ferr := failedHandler[T](&cfg)
	return cfg, onFailed, errors.Join(err, ferr)
}

func newSink[T any](b *base, cfg *config, onFailed func(context.Context, []T, error)) *sink[T] {
	return &sink[T]{b: b, max: cfg.maxDemand, min: cfg.minDemand, wake: make(chan struct{}, 1), onFailed: onFailed, onCancel: cfg.handleCancel}
}

func (s *sink[T]) subscribeTo(src Source[T], opts []SubscribeOption) error {
	var sc subscribeConfig
	for _, opt := range opts {
		opt(&sc)
	}
	if err := errors.Join(sc.errs...); err != nil {
		return err
	}
	var d *dispatcher[T]
	if src != nil {
		d = src.dispatcher()
	}
	if d == nil {
		return topologyError("stage %d cannot subscribe to a nil stage", s.b.id)
	}
	sub := &subscription[T]{from: d, consumer: s.b.id, received: &s.b.counts.received, wake: s.wake, notice: &s.notice, mode: sc.mode}
	return s.b.pl.subscribe(s.b, d.b, s.max, func() {
		s.subs = append(s.subs, sub)
		s.all = append(s.all, sub)
		d.subscribe(sub)
	})
}

// askFirst asks every producer for the max demand.
func (s *sink[T]) askFirst() {
	for _, sub := range s.subs {
		s.ask(sub, s.max)
	}
}

// ask reports the demand, then makes it visible to the producer: a trace
// never shows events dispatched before the demand they answer.
func (s *sink[T]) ask(sub *subscription[T], n int) {
	sub.outstanding += n
	s.b.emit(event.DemandAsked, s.b.id, sub.from.b.id, n, nil)
	sub.from.ask(sub, n)
}

// next returns the events to hand on next and the subscription they came
// from, taking the subscriptions in turn. GenStage hands a consumer at most
// max - min events at a time, so that it asks again in time; limit lowers
// that bound further. It returns nil when no events are waiting.
func (s *sink[T]) next(limit int) (*subscription[T], []T) {
	if s.notice.Load() {
		return nil, nil // finish first
	}
	for i := range s.subs {
		sub := s.subs[(s.turn+i)%len(s.subs)]
		if !sub.take() {
			continue
		}
		n := min(len(sub.held), s.max-s.min, limit)
		chunk := sub.held[:n:n]
		sub.held = sub.held[n:]
		sub.outstanding -= n
		s.turn = (s.turn + i + 1) % len(s.subs)
		s.current = sub
		return sub, chunk
	}
	return nil, nil
}

// handed applies the re-ask rule once events from sub were handed on: when
// the demand left has fallen to min, ask for enough to bring it back to max.
func (s *sink[T]) handed(sub *subscription[T]) {
	if sub.outstanding > s.min || sub.cancelled.Load() {
		return
	}
	sub.mu.Lock()
	closed := sub.closed
	sub.mu.Unlock()
	if !closed {
		s.ask(sub, s.max-sub.outstanding)
	}
}

// release takes no more events and returns how many it held.
func (s *sink[T]) release() int {
	n := 0
	for _, sub := range s.all { // those that ended too: one may end as the stage fails
		n += sub.stop()
	}
	return n
}

// stop takes no more events and reports those it held, plus extra the
// stage had already taken from them. It returns ErrStopped.
func (s *sink[T]) stop(extra int) error {
	s.b.discarded(s.release() + extra)
	return ErrStopped
}

// handle runs fn, one call of the stage's function on events (from the
// producer numbered slot, -1 for a batch), and reports it. On failure,
// HandleFailed lets the stage go on; without it the pipeline stops. It
// returns nil when the stage goes on.
func (s *sink[T]) handle(ctx context.Context, slot int, events []T, fn func() error) error {
	var veto *atomic.Bool
	if from := s.current; from != nil && slot >= 0 {
		veto = &from.cancelled
	}
	err := s.b.callUnless(ctx, len(events), veto, fn)
	switch {
	case err == errVetoed:
		s.b.discarded(len(events))
		return nil
	case err == nil:
		s.b.emit(event.EventsProcessed, s.b.id, slot, len(events), nil)
		return nil
	case err == errNotCalled:
		return s.stop(len(events))
	}
	s.b.emit(event.StageFailed, s.b.id, slot, len(events), err)
	if ctx.Err() != nil {
		return s.stop(0) // failing while the pipeline stops is not why it stopped
	}
	if s.onFailed != nil {
		herr := s.b.call(ctx, len(events), func() error { s.onFailed(ctx, events, err); return nil })
		switch {
		case herr == nil:
			return nil
		case herr == errNotCalled:
			return s.stop(0)
		}
		err = herr
	}
	s.b.pl.fail(s.b.id, err)
	s.stop(0)
	return err
}
