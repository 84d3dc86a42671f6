package stage_test

import (
	"context"
	"strconv"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/stage"
)

func TestProducerConsumerTransformsInOrder(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		pl := newPipeline(t, nil)
		p := must(stage.NewProducer(pl, (&count{n: 1000}).produce))
		var out []string
		pc := must(stage.NewProducerConsumer(pl, func(ctx context.Context, in []int) ([]string, error) {
			out = out[:0] // the stage copies: reusing the slice is fine
			for _, n := range in {
				out = append(out, strconv.Itoa(n))
			}
			return out, nil
		}, stage.MaxDemand(30)))
		var got []string
		c := must(stage.NewConsumer(pl, func(ctx context.Context, events []string) error {
			got = append(got, events...)
			return nil
		}, stage.MaxDemand(7)))
		require.NoError(t, pc.SubscribeTo(p))
		require.NoError(t, c.SubscribeTo(pc))
		require.NoError(t, pl.Run(t.Context()))
		require.Len(t, got, 1000)
		for i, s := range got {
			require.Equal(t, strconv.Itoa(i), s)
		}
	})
}

func TestDemandFlowsUpstreamThroughAProducerConsumer(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l log
		pl := newPipeline(t, &l)
		src := &count{n: 300}
		p := must(stage.NewProducer(pl, src.produce))
		pc := must(stage.NewProducerConsumer(pl, func(ctx context.Context, in []int) ([]int, error) {
			return in, nil
		}, stage.MaxDemand(8), stage.MinDemand(4)))
		c := must(stage.NewConsumer(pl, func(ctx context.Context, events []int) error {
			return sleep(ctx, 10*len(events)) // a slow consumer
		}, stage.MaxDemand(3), stage.MinDemand(1)))
		require.NoError(t, pc.SubscribeTo(p))
		require.NoError(t, c.SubscribeTo(pc))
		require.NoError(t, pl.Run(t.Context()))

		// Events made but not yet handled at the end are bounded by the
		// producer-consumer's max demand, what one of its calls can make
		// beyond demand (max - min), and the consumer's max demand.
		const bound = 8 + (8 - 4) + 3
		made, handled, peak := 0, 0, 0
		for _, e := range l.events {
			switch {
			case e.Kind == event.EventsProduced && e.ID == p.ID():
				made += e.N
			case e.Kind == event.EventsProcessed && e.ID == c.ID():
				handled += e.N
			}
			peak = max(peak, made-handled)
		}
		assert.Equal(t, 300, handled)
		assert.LessOrEqual(t, peak, bound, "the slow consumer held the producer back")
		for _, d := range src.demands {
			assert.LessOrEqual(t, d, 8)
		}
	})
}

func TestProducerConsumerCanFilterAndExpand(t *testing.T) {
	cases := []struct {
		name string
		fn   func(int) []int
		want int
	}{
		{"keep evens", func(n int) []int {
			if n%2 == 0 {
				return []int{n}
			}
			return nil
		}, 50},
		{"triple each", func(n int) []int { return []int{n, n, n} }, 300},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var l log
				pl := newPipeline(t, &l)
				p := must(stage.NewProducer(pl, (&count{n: 100}).produce))
				pc := must(stage.NewProducerConsumer(pl, func(ctx context.Context, in []int) ([]int, error) {
					var out []int
					for _, n := range in {
						out = append(out, tc.fn(n)...)
					}
					return out, nil
				}, stage.MaxDemand(10)))
				var sink collector
				c := must(stage.NewConsumer(pl, sink.consume, stage.MaxDemand(4)))
				require.NoError(t, pc.SubscribeTo(p))
				require.NoError(t, c.SubscribeTo(pc))
				require.NoError(t, pl.Run(t.Context()))
				assert.Len(t, sink.values(), tc.want)
				assert.Equal(t, tc.want, l.sum(event.EventsProduced, pc.ID()))
				assert.Empty(t, l.of(event.EventsDropped, -1), "unbounded by default")
			})
		})
	}
}

func TestProducerConsumerBufferDrops(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l log
		pl := newPipeline(t, &l)
		p := must(stage.NewProducer(pl, (&count{n: 10}).produce))
		pc := must(stage.NewProducerConsumer(pl, func(ctx context.Context, in []int) ([]int, error) {
			return upTo(10 * len(in)), nil // ten out for each in
		}, stage.MaxDemand(2), stage.BufferSize(5)))
		var sink collector
		c := must(stage.NewConsumer(pl, sink.consume, stage.MaxDemand(1)))
		require.NoError(t, pc.SubscribeTo(p))
		require.NoError(t, c.SubscribeTo(pc))
		require.NoError(t, pl.Run(t.Context()))
		assert.Equal(t, 100, len(sink.values())+l.sum(event.EventsDropped, pc.ID()))
		assert.Positive(t, l.sum(event.EventsDropped, pc.ID()))
	})
}
