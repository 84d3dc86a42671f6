package stage_test

import (
	"context"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/stage"
)

func TestConsumerAsksMaxThenTopsUpAtMin(t *testing.T) {
	cases := []struct {
		name      string
		opts      []stage.Option
		wantAsks  []int // the first asks, in order
		wantCalls int   // the largest call
	}{
		{"defaults", nil, []int{1000, 500, 500, 500}, 500},
		{"max 10, min 5", []stage.Option{stage.MaxDemand(10), stage.MinDemand(5)}, []int{10, 5, 5, 5, 5}, 5},
		{"max 10, min 0", []stage.Option{stage.MaxDemand(10), stage.MinDemand(0)}, []int{10, 10, 10, 10}, 10},
		{"max 10, min 9", []stage.Option{stage.MaxDemand(10), stage.MinDemand(9)}, []int{10, 1, 1, 1, 1, 1}, 1},
		// GenStage's arithmetic: 10 arrive, handled as 7 then 3; after the
		// 7 the demand left is 3, so 7 more are asked; after the 3 it is 7;
		// after the next 7 it is 0, so 10 are asked.
		{"max 10, min 3", []stage.Option{stage.MaxDemand(10), stage.MinDemand(3)}, []int{10, 7, 10, 7, 10}, 7},
		{"max 1, default min 0", []stage.Option{stage.MaxDemand(1)}, []int{1, 1, 1}, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var l log
				pl := newPipeline(t, &l)
				src := &count{n: 5000}
				p := must(stage.NewProducer(pl, src.produce))
				var sink collector
				c := must(stage.NewConsumer(pl, sink.consume, tc.opts...))
				require.NoError(t, c.SubscribeTo(p))
				require.NoError(t, pl.Run(t.Context()))

				asks := l.ns(event.DemandAsked, c.ID())
				require.GreaterOrEqual(t, len(asks), len(tc.wantAsks))
				assert.Equal(t, tc.wantAsks, asks[:len(tc.wantAsks)])
				assert.Equal(t, tc.wantCalls, slicesMax(sink.calls))
				assert.Equal(t, upTo(5000), sink.values(), "one producer, one consumer: in order")
				for _, d := range src.demands {
					assert.LessOrEqual(t, d, tc.wantAsks[0], "never asked for more than the consumer's demand")
				}
			})
		})
	}
}

func TestProducerIsAskedOnlyForWhatConsumersWant(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l log
		pl := newPipeline(t, &l)
		src := &count{n: 100}
		p := must(stage.NewProducer(pl, src.produce))
		for _, max := range []int{3, 4} {
			c := must(stage.NewConsumer(pl, (&collector{}).consume, stage.MaxDemand(max)))
			require.NoError(t, c.SubscribeTo(p))
		}
		require.NoError(t, pl.Start(t.Context()))
		require.NoError(t, pl.Wait())
		require.NotEmpty(t, src.demands)
		for _, d := range src.demands {
			assert.LessOrEqual(t, d, 7)
		}
		assert.Equal(t, 100, l.sum(event.EventsProcessed, -1))
		assert.Equal(t, 100, l.sum(event.EventsDispatched, -1))
		assert.Empty(t, l.of(event.EventsDropped, -1))
	})
}

func TestSlowConsumerHoldsAtMostMaxDemand(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l log
		pl := newPipeline(t, &l)
		src := &count{n: 200}
		p := must(stage.NewProducer(pl, src.produce))
		c := must(stage.NewConsumer(pl, func(ctx context.Context, events []int) error {
			return sleep(ctx, len(events)) // a millisecond an event
		}, stage.MaxDemand(20), stage.MinDemand(15)))
		require.NoError(t, c.SubscribeTo(p))
		require.NoError(t, pl.Run(t.Context()))
		asked, dispatched, handled := 0, 0, 0
		for _, e := range l.events {
			switch e.Kind {
			case event.DemandAsked:
				asked += e.N
			case event.EventsDispatched:
				dispatched += e.N
			case event.EventsProcessed:
				handled += e.N
			}
			assert.LessOrEqual(t, dispatched, asked, "demand exceeded at %v", e)
			assert.LessOrEqual(t, dispatched-handled, 20, "held more than max demand at %v", e)
		}
		assert.Equal(t, 200, handled)
	})
}

func slicesMax(s []int) int {
	m := 0
	for _, v := range s {
		m = max(m, v)
	}
	return m
}
