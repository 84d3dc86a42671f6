package stage_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/stage"
)

var errGone = errors.New("the upstream went away")

// cancelCall is one call of a HandleCancel function.
type cancelCall struct {
	producer int
	reason   error
}

// GenStage's cancel: option, rule by rule. A consumer takes from two push
// producers, a and b; then a's subscription ends, because a finished or
// because the consumer cancelled it. The mode decides whether the consumer
// ends with it, and whether the pipeline fails.
func TestCancelModes(t *testing.T) {
	shutdown := fmt.Errorf("draining: %w", stage.ErrStopped)
	cases := []struct {
		name    string
		mode    stage.CancelMode
		end     string // "close": a finishes; "cancel": the consumer cancels a
		reason  error
		goesOn  bool  // the consumer still takes b's events
		failure error // the pipeline's error, nil when it finishes
	}{
		{"permanent, producer finished", stage.CancelPermanent, "close", nil, false, nil},
		{"permanent, normal cancel", stage.CancelPermanent, "cancel", nil, false, nil},
		{"permanent, shutdown cancel", stage.CancelPermanent, "cancel", shutdown, false, nil},
		{"permanent, abnormal cancel", stage.CancelPermanent, "cancel", errGone, false, errGone},
		{"transient, producer finished", stage.CancelTransient, "close", nil, true, nil},
		{"transient, shutdown cancel", stage.CancelTransient, "cancel", shutdown, true, nil},
		{"transient, abnormal cancel", stage.CancelTransient, "cancel", errGone, false, errGone},
		{"temporary, producer finished", stage.CancelTemporary, "close", nil, true, nil},
		{"temporary, abnormal cancel", stage.CancelTemporary, "cancel", errGone, true, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				l := &log{}
				pl := newPipeline(t, l)
				a := must(stage.NewPushProducer[int](pl))
				b := must(stage.NewPushProducer[int](pl))
				got := &collector{}
				var cancels []cancelCall
				c := must(stage.NewConsumer(pl, got.consume, stage.MaxDemand(10),
					stage.HandleCancel(func(_ context.Context, producer int, reason error) {
						cancels = append(cancels, cancelCall{producer, reason})
					})))
				require.NoError(t, c.SubscribeTo(a, stage.Cancel(tc.mode)))
				require.NoError(t, c.SubscribeTo(b, stage.Cancel(tc.mode)))
				require.NoError(t, pl.Start(t.Context()))
				require.NoError(t, a.Push(1, 2))
				require.NoError(t, b.Push(100, 101))
				synctest.Wait()
				if tc.end == "close" {
					a.Close()
				} else {
					require.NoError(t, c.Cancel(a, tc.reason))
				}
				synctest.Wait()
				assert.Equal(t, []cancelCall{{a.ID(), tc.reason}}, cancels, "HandleCancel hears of the end once, with its reason")
				err := b.Push(102)
				if tc.goesOn {
					require.NoError(t, err)
				} else {
					assert.ErrorIs(t, err, stage.ErrStopped, "b lost its only consumer, or the pipeline failed")
				}
				b.Close()
				a.Close()
				err = pl.Wait()
				if tc.failure == nil {
					require.NoError(t, err)
				} else {
					var se *stage.Error
					require.ErrorAs(t, err, &se)
					assert.Equal(t, c.ID(), se.Stage, "the consumer fails with the reason")
					assert.ErrorIs(t, err, tc.failure)
				}
				want := []int{1, 2, 100, 101}
				if tc.goesOn {
					want = append(want, 102)
				}
				vals := got.values()
				slices.Sort(vals)
				assert.Equal(t, want, vals)
				if tc.end == "cancel" {
					ev := l.of(event.SubscriptionCancelled, c.ID())
					require.NotEmpty(t, ev)
					assert.Equal(t, a.ID(), ev[0].Slot)
				}
			})
		})
	}
}

// Once Cancel returns, the producer sends nothing more on the
// subscription and the consumer hands on nothing more from it: events it
// had already received are discarded, and counted.
func TestNothingIsHandedAfterACancel(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := &log{}
		pl := newPipeline(t, l)
		a := must(stage.NewPushProducer[int](pl))
		b := must(stage.NewPushProducer[int](pl))
		release := make(chan struct{})
		var mu sync.Mutex
		var got []int
		c := must(stage.NewConsumer(pl, func(ctx context.Context, events []int) error {
			mu.Lock()
			got = append(got, events...)
			mu.Unlock()
			<-release
			return nil
		}, stage.MaxDemand(4), stage.MinDemand(3))) // calls of one event
		require.NoError(t, c.SubscribeTo(a, stage.Cancel(stage.CancelTemporary)))
		require.NoError(t, c.SubscribeTo(b, stage.Cancel(stage.CancelTemporary)))
		require.NoError(t, pl.Start(t.Context()))
		require.NoError(t, a.Push(1, 2, 3, 4, 5, 6))
		synctest.Wait() // the consumer is in its call with 1; 2, 3, 4 wait in its inbox
		require.NoError(t, c.Cancel(a, nil))
		require.NoError(t, b.Push(100))
		close(release)
		synctest.Wait()
		mu.Lock()
		assert.Equal(t, []int{1, 100}, got, "nothing from a after the cancel")
		mu.Unlock()
		assert.Equal(t, int64(3), c.Stats().Discarded, "what the consumer held of a")
		assert.Equal(t, int64(2), a.Stats().Discarded, "a's buffer: it lost its only consumer")
		assert.ErrorIs(t, a.Push(7), stage.ErrStopped)
		b.Close()
		require.NoError(t, pl.Wait())
		assert.Equal(t, []int{3}, l.ns(event.SubscriptionCancelled, c.ID()))
	})
}

func TestCancelMisuse(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		pl := newPipeline(t, nil)
		a := must(stage.NewPushProducer[int](pl))
		other := must(stage.NewPushProducer[int](pl))
		c := must(stage.NewConsumer(pl, (&collector{}).consume))
		d := must(stage.NewConsumer(pl, (&collector{}).consume))
		require.NoError(t, c.SubscribeTo(a))
		require.NoError(t, d.SubscribeTo(other))
		assert.Error(t, c.Cancel(a, nil), "before Start")
		err := c.SubscribeTo(other, stage.Cancel(stage.CancelMode(9)))
		assert.ErrorIs(t, err, stage.ErrInvalidOption)
		_, err = stage.NewBatcher(pl, func(context.Context, []int) error { return nil }, stage.HandleCancel(nil))
		assert.ErrorIs(t, err, stage.ErrInvalidOption)
		require.NoError(t, pl.Start(t.Context()))
		assert.ErrorIs(t, c.Cancel(other, nil), stage.ErrNotSubscribed)
		assert.ErrorIs(t, c.Cancel(nil, nil), stage.ErrNotSubscribed)
		require.NoError(t, c.Cancel(a, nil))
		require.NoError(t, c.Cancel(a, errGone), "a second cancel does nothing")
		other.Close()
		require.NoError(t, pl.Wait())
	})
}

// A HandleCancel that panics fails the stage, like its own function.
func TestHandleCancelPanics(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		pl := newPipeline(t, nil)
		a := must(stage.NewPushProducer[int](pl))
		c := must(stage.NewConsumer(pl, (&collector{}).consume,
			stage.HandleCancel(func(context.Context, int, error) { panic("cancel bug") })))
		require.NoError(t, c.SubscribeTo(a))
		require.NoError(t, pl.Start(t.Context()))
		a.Close()
		err := pl.Wait()
		var se *stage.Error
		require.ErrorAs(t, err, &se)
		assert.Equal(t, c.ID(), se.Stage)
		assert.ErrorContains(t, err, "cancel bug")
	})
}

// A producer's HandleCancel hears of each consumer that leaves it, with
// the reason, on the producer's goroutine, before it finishes for want of
// consumers (GenStage calls handle_cancel on both sides).
func TestProducerHearsCancels(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		pl := newPipeline(t, nil)
		var heard []cancelCall
		src := must(stage.NewPushProducer[int](pl, stage.HandleCancel(func(_ context.Context, consumer int, reason error) {
			heard = append(heard, cancelCall{consumer, reason})
		})))
		c1 := must(stage.NewConsumer(pl, (&collector{}).consume))
		c2 := must(stage.NewConsumer(pl, (&collector{}).consume))
		require.NoError(t, c1.SubscribeTo(src, stage.Cancel(stage.CancelTemporary)))
		require.NoError(t, c2.SubscribeTo(src, stage.Cancel(stage.CancelTemporary)))
		require.NoError(t, pl.Start(t.Context()))
		require.NoError(t, c1.Cancel(src, errGone))
		synctest.Wait()
		assert.Equal(t, []cancelCall{{c1.ID(), errGone}}, heard)
		require.NoError(t, src.Push(1), "one consumer left")
		require.NoError(t, c2.Cancel(src, nil))
		require.NoError(t, pl.Wait(), "no consumer left: the producer finished")
		assert.Equal(t, []cancelCall{{c1.ID(), errGone}, {c2.ID(), nil}}, heard)
	})
}
