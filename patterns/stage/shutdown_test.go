package stage_test

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/stage"
	"github.com/concurrency-patterns/playground/patterns/task"
)

func TestCancelStopsThePipelineAndAccountsForEveryEvent(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l log
		pl := newPipeline(t, &l)
		p := must(stage.NewProducer(pl, (&count{n: 100_000}).produce, stage.BufferSize(100)))
		pc := must(stage.NewProducerConsumer(pl, func(ctx context.Context, in []int) ([]int, error) {
			return in, sleep(ctx, len(in))
		}, stage.MaxDemand(50)))
		bt := must(stage.NewBatcher(pl, func(ctx context.Context, batch []int) error {
			return sleep(ctx, 3)
		}, stage.BatchSize(30)))
		require.NoError(t, pc.SubscribeTo(p))
		require.NoError(t, bt.SubscribeTo(pc))
		ctx, cancel := context.WithTimeout(t.Context(), 777*time.Millisecond)
		defer cancel()
		err := pl.Run(ctx)
		require.ErrorIs(t, err, context.DeadlineExceeded)
		assert.Positive(t, l.sum(event.EventsDiscarded, -1))
		assertAccounted(t, &l)
		for _, e := range l.of(event.StageDone, -1) {
			assert.ErrorIs(t, e.Err, stage.ErrStopped)
		}
	})
}

func TestStageIgnoringCancellationIsAbandoned(t *testing.T) {
	cases := []struct {
		name     string
		shutdown time.Duration
	}{
		{"after the shutdown time", 300 * time.Millisecond},
		{"at once with no shutdown time", 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var l log
				pl := newPipeline(t, &l, stage.Shutdown(tc.shutdown))
				p := must(stage.NewProducer(pl, (&count{n: 100}).produce))
				stubborn := must(stage.NewConsumer(pl, func(ctx context.Context, events []int) error {
					time.Sleep(time.Hour) // ignores ctx
					return nil
				}, stage.MaxDemand(4)))
				polite := must(stage.NewConsumer(pl, func(ctx context.Context, events []int) error {
					return sleep(ctx, 10_000)
				}, stage.MaxDemand(4)))
				require.NoError(t, stubborn.SubscribeTo(p))
				require.NoError(t, polite.SubscribeTo(p))
				ctx, cancel := context.WithCancel(t.Context())
				require.NoError(t, pl.Start(ctx))
				time.Sleep(time.Second)
				cancel()
				start := time.Now()
				require.ErrorIs(t, pl.Wait(), context.Canceled)
				assert.Equal(t, tc.shutdown, time.Since(start), "Wait waits the shutdown time, no longer")
				abandoned := l.of(event.StageAbandoned, -1)
				if tc.shutdown > 0 {
					assert.Len(t, abandoned, 1, "the polite consumer returned in time")
				} // else the polite one may also be caught inside its function
				var ids []int
				for _, e := range abandoned {
					ids = append(ids, e.ID)
					assert.Equal(t, 2, e.N, "the events of its call")
					assert.ErrorIs(t, e.Err, task.ErrAbandoned)
				}
				assert.Contains(t, ids, stubborn.ID())
				assertAccounted(t, &l)
				n := l.len()
				time.Sleep(2 * time.Hour) // let the abandoned goroutine end inside the bubble
				assert.Equal(t, n, l.len(), "an abandoned stage reports nothing more")
			})
		})
	}
}
