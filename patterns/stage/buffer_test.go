package stage_test

import (
	"context"
	"io"
	"math/rand/v2"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/stage"
)

func TestFullBufferDropsWhatItDoesNotKeep(t *testing.T) {
	cases := []struct {
		name        string
		opts        []stage.Option
		pushes      [][]int
		wantGot     []int
		wantDropped []int
	}{
		{"one push over the limit", []stage.Option{stage.BufferSize(5)},
			[][]int{upTo(12)}, []int{0, 1, 7, 8, 9, 10, 11}, []int{5}},
		{"pushes one by one", []stage.Option{stage.BufferSize(2)},
			[][]int{{0}, {1}, {2}, {3}, {4}, {5}}, []int{0, 1, 4, 5}, []int{1, 1}},
		{"a push larger than the whole buffer", []stage.Option{stage.BufferSize(3)},
			[][]int{{0, 1, 2, 3}, upTo(20)[10:]}, []int{0, 1, 17, 18, 19}, []int{9}}, // 2, 3 and 10…16
		{"no buffer: everything beyond demand is dropped", []stage.Option{stage.BufferSize(0)},
			[][]int{{0, 1, 2, 3}, {4}}, []int{0, 1}, []int{2, 1}},
		{"unbounded buffer", []stage.Option{stage.UnboundedBuffer()},
			[][]int{upTo(12_000)}, upTo(12_000), nil},
		{"default buffer of 10 000", nil,
			[][]int{upTo(12_000)}, append([]int{0, 1}, upTo(12_000)[2000:]...), []int{1998}},
		{"keep last, said outright", []stage.Option{stage.BufferSize(5), stage.BufferKeep(stage.KeepLast)},
			[][]int{upTo(12)}, []int{0, 1, 7, 8, 9, 10, 11}, []int{5}},
		{"keep first: one push over the limit", []stage.Option{stage.BufferSize(5), stage.BufferKeep(stage.KeepFirst)},
			[][]int{upTo(12)}, upTo(7), []int{5}},
		{"keep first: pushes one by one", []stage.Option{stage.BufferSize(2), stage.BufferKeep(stage.KeepFirst)},
			[][]int{{0}, {1}, {2}, {3}, {4}, {5}}, upTo(4), []int{1, 1}},
		{"keep first: a push larger than the whole buffer", []stage.Option{stage.BufferSize(3), stage.BufferKeep(stage.KeepFirst)},
			[][]int{{0, 1, 2, 3}, upTo(20)[10:]}, []int{0, 1, 2, 3, 10}, []int{9}},
		{"keep first with no buffer", []stage.Option{stage.BufferSize(0), stage.BufferKeep(stage.KeepFirst)},
			[][]int{{0, 1, 2, 3}, {4}}, []int{0, 1}, []int{2, 1}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var l log
				pl := newPipeline(t, &l)
				p := must(stage.NewPushProducer[int](pl, tc.opts...))
				g := newGate()
				c := must(stage.NewConsumer(pl, g.consume, stage.MaxDemand(2), stage.MinDemand(0)))
				require.NoError(t, c.SubscribeTo(p))
				require.NoError(t, pl.Start(t.Context()))
				synctest.Wait() // the consumer asked for 2
				for _, events := range tc.pushes {
					require.NoError(t, p.Push(events...))
				}
				p.Close()
				close(g.release)
				require.NoError(t, pl.Wait())
				assert.Equal(t, tc.wantGot, g.values())
				assert.Equal(t, tc.wantDropped, l.ns(event.EventsDropped, p.ID()))
				produced := l.sum(event.EventsProduced, p.ID())
				assert.Equal(t, produced, len(g.values())+l.sum(event.EventsDropped, -1))
			})
		})
	}
}

func TestPushBeforeStartIsBuffered(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l log
		pl := newPipeline(t, &l)
		p := must(stage.NewPushProducer[int](pl, stage.BufferSize(10)))
		var sink collector
		c := must(stage.NewConsumer(pl, sink.consume))
		require.NoError(t, c.SubscribeTo(p))
		require.NoError(t, p.Push(upTo(12)...))
		p.Close()
		assert.Equal(t, []int{10}, l.ns(event.BufferLevel, p.ID()))
		require.NoError(t, pl.Run(t.Context()))
		assert.Equal(t, upTo(12)[2:], sink.values())
		assert.Equal(t, []int{10, 0}, l.ns(event.BufferLevel, p.ID()))
	})
}

func TestPullProducerMakingMoreThanAskedFillsTheBuffer(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l log
		pl := newPipeline(t, &l)
		next := 0
		p := must(stage.NewProducer(pl, func(ctx context.Context, demand int) ([]int, error) {
			out := upTo(next + 8)[next:] // always 8, whatever the demand
			next += 8
			if next >= 80 {
				return out, io.EOF
			}
			return out, nil
		}, stage.BufferSize(3)))
		var sink collector
		c := must(stage.NewConsumer(pl, sink.consume, stage.MaxDemand(2), stage.MinDemand(0)))
		require.NoError(t, c.SubscribeTo(p))
		require.NoError(t, pl.Run(t.Context()))
		dropped := l.sum(event.EventsDropped, p.ID())
		assert.Equal(t, 80, len(sink.values())+dropped)
		assert.Positive(t, dropped)
		for _, n := range l.ns(event.BufferLevel, p.ID()) {
			assert.LessOrEqual(t, n, 3)
		}
	})
}

func TestPushAfterCloseIsAMisuse(t *testing.T) {
	pl := newPipeline(t, nil)
	p := must(stage.NewPushProducer[int](pl))
	p.Close()
	p.Close() // closing twice is fine
	assert.PanicsWithValue(t, "stage: Push after Close", func() { _ = p.Push(1) })
}

func TestPushAfterTheStopIsDiscarded(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l log
		pl := newPipeline(t, &l)
		p := must(stage.NewPushProducer[int](pl))
		c := must(stage.NewConsumer(pl, (&collector{}).consume))
		require.NoError(t, c.SubscribeTo(p))
		ctx, cancel := context.WithCancel(t.Context())
		require.NoError(t, pl.Start(ctx))
		cancel()
		require.ErrorIs(t, pl.Wait(), context.Canceled)
		assert.ErrorIs(t, p.Push(1, 2, 3), stage.ErrStopped)
		assert.Equal(t, []int{3}, l.ns(event.EventsDiscarded, p.ID()))
		assertAccounted(t, &l)
	})
}

func TestManyRandomPushesKeepTheBufferBounded(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l log
		pl := newPipeline(t, &l)
		p := must(stage.NewPushProducer[int](pl, stage.BufferSize(50)))
		c := must(stage.NewConsumer(pl, func(ctx context.Context, events []int) error {
			return sleep(ctx, len(events))
		}, stage.MaxDemand(20)))
		require.NoError(t, c.SubscribeTo(p))
		require.NoError(t, pl.Start(t.Context()))
		r := rand.New(rand.NewPCG(1, 2))
		pushed := 0
		for range 200 {
			n := r.IntN(30)
			require.NoError(t, p.Push(upTo(n)...))
			pushed += n
			require.NoError(t, sleep(t.Context(), r.IntN(20)))
		}
		p.Close()
		require.NoError(t, pl.Wait())
		for _, n := range l.ns(event.BufferLevel, p.ID()) {
			assert.LessOrEqual(t, n, 50)
		}
		assert.Equal(t, pushed, l.sum(event.EventsProduced, p.ID()))
		assert.Equal(t, pushed, l.sum(event.EventsProcessed, c.ID())+l.sum(event.EventsDropped, p.ID()))
	})
}

func TestProducerClosedBeforeItsConsumerSubscribed(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		pl := newPipeline(t, nil)
		p := must(stage.NewPushProducer[int](pl))
		p.Close()
		q := must(stage.NewPushProducer[int](pl))
		require.NoError(t, q.Push(1, 2))
		q.Close()
		var sink collector
		c := must(stage.NewConsumer(pl, sink.consume))
		require.NoError(t, c.SubscribeTo(p))
		require.NoError(t, c.SubscribeTo(q))
		require.NoError(t, pl.Run(t.Context()))
		assert.Equal(t, []int{1, 2}, sink.values())
	})
}

func TestEstimateBufferedCountFollowsTheBuffer(t *testing.T) {
	cases := []struct {
		name   string
		opts   []stage.Option
		pushed int
		want   int // buffered before the consumer asks
	}{
		{"below the limit", []stage.Option{stage.BufferSize(10)}, 7, 7},
		{"over the limit, keep last", []stage.Option{stage.BufferSize(10)}, 25, 10},
		{"over the limit, keep first", []stage.Option{stage.BufferSize(10), stage.BufferKeep(stage.KeepFirst)}, 25, 10},
		{"nothing pushed", nil, 0, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				pl := newPipeline(t, nil)
				p := must(stage.NewPushProducer[int](pl, tc.opts...))
				g := newGate()
				c := must(stage.NewConsumer(pl, g.consume, stage.MaxDemand(4), stage.MinDemand(0)))
				require.NoError(t, c.SubscribeTo(p))
				require.NoError(t, p.Push(upTo(tc.pushed)...))
				assert.Equal(t, tc.want, p.EstimateBufferedCount(), "before any demand")
				require.NoError(t, pl.Start(t.Context()))
				synctest.Wait() // 4 asked and sent; the gate holds the consumer
				assert.Equal(t, max(tc.want-4, 0), p.EstimateBufferedCount(), "after the first demand")
				p.Close()
				close(g.release)
				require.NoError(t, pl.Wait())
				assert.Zero(t, p.EstimateBufferedCount(), "all sent")
			})
		})
	}
}

func TestProducerConsumerEstimatesItsOwnBuffer(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		pl := newPipeline(t, nil)
		src := must(stage.NewPushProducer[int](pl))
		tripler := func(ctx context.Context, in []int) ([]int, error) {
			out := make([]int, 0, 3*len(in))
			for _, v := range in {
				out = append(out, v, v, v)
			}
			return out, nil
		}
		pc := must(stage.NewProducerConsumer(pl, tripler, stage.MaxDemand(2), stage.MinDemand(0)))
		require.NoError(t, pc.SubscribeTo(src))
		g := newGate()
		c := must(stage.NewConsumer(pl, g.consume, stage.MaxDemand(4), stage.MinDemand(0)))
		require.NoError(t, c.SubscribeTo(pc))
		require.NoError(t, pl.Start(t.Context()))
		synctest.Wait()
		require.NoError(t, src.Push(1, 2))
		synctest.Wait() // 6 made, 4 sent to the held consumer
		assert.Equal(t, 2, pc.EstimateBufferedCount())
		assert.Zero(t, src.EstimateBufferedCount())
		src.Close()
		close(g.release)
		require.NoError(t, pl.Wait())
		assert.Zero(t, pc.EstimateBufferedCount())
	})
}
