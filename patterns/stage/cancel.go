package stage

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/concurrency-patterns/playground/patterns/event"
)

// CancelMode says what a consumer does when one of its subscriptions ends,
// because its producer finished or because it was cancelled: GenStage's
// cancel: subscription option.
type CancelMode uint8

const (
	// CancelPermanent (the default, as in GenStage): the consumer ends with
	// the subscription: normally if the reason is normal, else it fails with
	// the reason, which stops the pipeline.
	CancelPermanent CancelMode = iota
	// CancelTransient: the consumer ends only for a reason that is not
	// normal; after a normal end it goes on with its other subscriptions.
	CancelTransient
	// CancelTemporary: the consumer never ends because of the subscription;
	// it just loses it.
	CancelTemporary
)

func (m CancelMode) String() string {
	switch m {
	case CancelPermanent:
		return "permanent"
	case CancelTransient:
		return "transient"
	case CancelTemporary:
		return "temporary"
	}
	return fmt.Sprintf("CancelMode(%d)", uint8(m))
}

// SubscribeOption configures one subscription.
type SubscribeOption func(*subscribeConfig)

type subscribeConfig struct {
	mode CancelMode
	errs []error
}

// Cancel sets what the consumer does when this subscription ends
// (GenStage's cancel: option); the default is [CancelPermanent].
func Cancel(m CancelMode) SubscribeOption {
	return func(c *subscribeConfig) {
		if m > CancelTemporary {
			c.errs = append(c.errs, fmt.Errorf("%w: unknown cancel mode %d", ErrInvalidOption, m))
		}
		c.mode = m
	}
}

// ErrNotSubscribed: a cancel named a producer the stage is not subscribed
// to.
var ErrNotSubscribed = errors.New("stage: not subscribed to that producer")

// NormalReason reports whether a subscription's end reason is normal
// (GenStage's :normal or :shutdown): nil, or an error wrapping
// [ErrStopped].
func NormalReason(reason error) bool { return reason == nil || errors.Is(reason, ErrStopped) }

// HandleCancel is called on a stage's goroutine each time one of its
// subscriptions ends (GenStage's handle_cancel). On a consuming stage, peer
// is the producer's ID, and reason nil when the producer finished, else
// what the cancel gave; it runs before the subscription's [CancelMode]
// decides whether the stage goes on. On a [Producer], peer is a consumer
// that cancelled (reason as given) or ended (nil); a producer hears
// nothing of the consumers left when it finishes itself. A panic in fn
// fails the stage. A producer-consumer's HandleCancel is for its consuming
// side.
func HandleCancel(fn func(ctx context.Context, peer int, reason error)) Option {
	return func(c *config) {
		if fn == nil {
			c.invalid("nil HandleCancel function")
		}
		c.handleCancel, c.set = fn, c.set|setHandleCancel
	}
}

// cancel ends the subscription to src from any goroutine: the producer
// sends nothing more on it once cancel returns, and the stage's goroutine
// discards what it holds of it, then applies its cancel mode.
func (s *sink[T]) cancel(src Source[T], reason error) error {
	var d *dispatcher[T]
	if src != nil {
		d = src.dispatcher()
	}
	if !s.b.pl.isStarted() {
		return fmt.Errorf("stage: Cancel before Start")
	}
	var sub *subscription[T]
	for _, x := range s.all {
		if x.from == d {
			sub = x
		}
	}
	if sub == nil || d == nil {
		return ErrNotSubscribed
	}
	s.b.mu.Lock() // so that no call with its events starts from here on
	sub.mu.Lock()
	if sub.stopped || sub.cancelled.Load() {
		sub.mu.Unlock()
		s.b.mu.Unlock()
		return nil // already ended
	}
	sub.stopped, sub.reason = true, reason
	sub.cancelled.Store(true)
	sub.mu.Unlock()
	s.b.mu.Unlock()
	d.unsubscribe(sub)
	s.notice.Store(true)
	signal(s.wake)
	return nil
}

// finish is called by the stage's goroutine when it has nothing to hand
// on. It takes the subscriptions that ended (cancelled, or their producer
// finished and every event was handed on), calls HandleCancel for each,
// and applies their cancel modes. It reports whether the stage is to end,
// and the failure it ends with, if any.
func (s *sink[T]) finish(ctx context.Context) (bool, error) {
	if s.notice.Swap(false) {
		defer signal(s.wake) // next may have left events for this
	}
	over := func(sub *subscription[T]) bool { return sub.cancelled.Load() || sub.ended() }
	if !slices.ContainsFunc(s.subs, over) { // the usual case: allocate nothing
		return len(s.subs) == 0, nil
	}
	var kept, ended []*subscription[T]
	for _, sub := range s.subs {
		if over(sub) {
			ended = append(ended, sub)
		} else {
			kept = append(kept, sub)
		}
	}
	s.subs, s.turn = kept, 0
	exit := false
	for _, sub := range ended {
		sub.mu.Lock()
		reason := sub.reason
		sub.mu.Unlock()
		n := sub.stop()
		if sub.cancelled.Load() {
			s.b.emit(event.SubscriptionCancelled, s.b.id, sub.from.b.id, n, reason)
		}
		s.b.discarded(n)
		sub.from.unsubscribe(sub)
		if s.onCancel != nil {
			err := s.b.call(ctx, 0, func() error { s.onCancel(ctx, sub.from.b.id, reason); return nil })
			switch {
			case err == errNotCalled:
				return true, s.stop(0)
			case err != nil:
				return true, s.fail(ctx, sub.from.b.id, err)
			}
		}
		switch {
		case sub.mode == CancelTemporary:
		case NormalReason(reason):
			exit = exit || sub.mode == CancelPermanent
		default:
			return true, s.fail(ctx, sub.from.b.id, reason)
		}
	}
	return exit || len(s.subs) == 0, nil
}

// fail ends the stage with err, from the subscription to producer slot:
// the pipeline stops with it.
func (s *sink[T]) fail(ctx context.Context, slot int, err error) error {
	s.b.emit(event.StageFailed, s.b.id, slot, 0, err)
	s.stop(0)
	if ctx.Err() != nil {
		return ErrStopped
	}
	s.b.pl.fail(s.b.id, err)
	return err
}

// leave cancels, with a normal reason, the subscriptions a stage still has
// when it ends, so that their producers no longer count it.
func (s *sink[T]) leave() {
	for _, sub := range s.subs {
		sub.mu.Lock()
		closed := sub.closed
		sub.mu.Unlock()
		n := sub.stop() // first: nothing is sent on it from here on
		if !closed || n > 0 {
			s.b.emit(event.SubscriptionCancelled, s.b.id, sub.from.b.id, n, nil)
		}
		s.b.discarded(n)
		sub.from.unsubscribe(sub)
	}
	s.subs = nil
}
