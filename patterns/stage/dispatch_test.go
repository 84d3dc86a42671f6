package stage_test

import (
	"context"
	"slices"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/stage"
)

// gate is a consumer's function that keeps what it is given and then
// blocks until released, so the test decides when demand comes back.
type gate struct {
	collector
	release chan struct{}
}

func newGate() *gate { return &gate{release: make(chan struct{})} }

func (g *gate) consume(ctx context.Context, events []int) error {
	g.collector.consume(ctx, events)
	select {
	case <-g.release:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// dispatched lists the (consumer, count) of each dispatch, in order.
func dispatched(l *log) [][2]int {
	var out [][2]int
	for _, e := range l.of(event.EventsDispatched, -1) {
		out = append(out, [2]int{e.ID, e.N})
	}
	return out
}

func TestEventsGoToTheConsumerOwedTheMost(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l log
		pl := newPipeline(t, &l)
		p := must(stage.NewPushProducer[int](pl))
		a, b := newGate(), newGate()
		ca := must(stage.NewConsumer(pl, a.consume, stage.MaxDemand(10), stage.MinDemand(0)))
		cb := must(stage.NewConsumer(pl, b.consume, stage.MaxDemand(30), stage.MinDemand(0)))
		require.NoError(t, ca.SubscribeTo(p))
		require.NoError(t, cb.SubscribeTo(p))
		require.NoError(t, pl.Start(t.Context()))
		synctest.Wait() // both have asked: a is owed 10, b 30

		require.NoError(t, p.Push(upTo(25)...)) // b is owed the most: all 25
		synctest.Wait()
		require.NoError(t, p.Push(upTo(10)...)) // now a is owed 10, b 5
		synctest.Wait()
		require.NoError(t, p.Push(upTo(8)...)) // b 5, then a (owed 0) nothing: 3 wait
		synctest.Wait()
		assert.Equal(t, [][2]int{{cb.ID(), 25}, {ca.ID(), 10}, {cb.ID(), 5}}, dispatched(&l))
		assert.Equal(t, []int{3}, l.ns(event.BufferLevel, p.ID()))

		p.Close()
		close(a.release)
		close(b.release)
		require.NoError(t, pl.Wait())
		assert.Equal(t, 43, l.sum(event.EventsProcessed, -1))
	})
}

// GenStage's DemandDispatcher puts the subscriber it just served after the
// others owed as much: a tie goes to the one whose demand changed longest ago.
func TestATieGoesToTheSubscriberServedLongestAgo(t *testing.T) {
	cases := []struct {
		name    string
		demands []int // each consumer's max demand
		pushes  []int // how many events each push carries
		want    []int // which consumer (by index) each dispatch goes to
	}{
		{"all equal: in the order they asked", []int{4, 4, 4}, []int{1, 4, 4}, []int{0, 1, 2}},
		{"the one just served ties: it goes last", []int{5, 4, 4}, []int{1, 4, 4, 4}, []int{0, 1, 2, 0}},
		{"a lone leader is served again", []int{9, 4}, []int{2, 2}, []int{0, 0}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var l log
				pl := newPipeline(t, &l)
				p := must(stage.NewPushProducer[int](pl))
				var ids []int
				var gates []*gate
				for _, d := range tc.demands {
					g := newGate()
					c := must(stage.NewConsumer(pl, g.consume, stage.MaxDemand(d), stage.MinDemand(0)))
					require.NoError(t, c.SubscribeTo(p))
					ids, gates = append(ids, c.ID()), append(gates, g)
				}
				require.NoError(t, pl.Start(t.Context()))
				synctest.Wait()
				for _, n := range tc.pushes {
					require.NoError(t, p.Push(upTo(n)...))
					synctest.Wait()
				}
				var got []int
				for _, d := range dispatched(&l) {
					got = append(got, slices.Index(ids, d[0]))
				}
				assert.Equal(t, tc.want, got)
				p.Close()
				for _, g := range gates {
					close(g.release)
				}
				require.NoError(t, pl.Wait())
			})
		})
	}
}

func TestConsumerTakesFromSeveralProducersInTurn(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l log
		pl := newPipeline(t, &l)
		var sink collector
		c := must(stage.NewConsumer(pl, sink.consume, stage.MaxDemand(4), stage.MinDemand(2)))
		var producers []*stage.Producer[int]
		for i := range 3 {
			p := must(stage.NewPushProducer[int](pl))
			require.NoError(t, p.Push(upTo(10*(i+1))...)) // ready before the consumer asks
			p.Close()
			require.NoError(t, c.SubscribeTo(p))
			producers = append(producers, p)
		}
		require.NoError(t, pl.Run(t.Context()))
		assert.Len(t, sink.values(), 10+20+30)
		for i, p := range producers {
			asked := 0
			for _, e := range l.of(event.DemandAsked, c.ID()) {
				if e.Slot == p.ID() {
					asked += e.N
				}
			}
			assert.GreaterOrEqual(t, asked, 10*(i+1), "each producer is asked on its own")
		}
		var slots []int
		for _, e := range l.of(event.EventsProcessed, c.ID()) {
			assert.LessOrEqual(t, e.N, 2, "at most max - min a call")
			slots = append(slots, e.Slot)
		}
		ids := []int{producers[0].ID(), producers[1].ID(), producers[2].ID()}
		assert.Equal(t, append(ids, ids...), slots[:6], "the producers take turns")
	})
}
