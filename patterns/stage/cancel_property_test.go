package stage_test

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/stage"
)

// edge names a subscription: consumer and producer IDs.
type edge struct{ consumer, producer int }

// A call of a consumer's function: when it started, on a clock every
// cancel also ticks, and which producers its events came from.
type handing struct {
	consumer int
	at       int64
	from     map[int]bool
}

// Random pipelines whose subscriptions are cancelled at random moments,
// with random modes and reasons: nothing reaches a consumer's function
// from a subscription once the consumer has taken in its end (HandleCancel
// runs on the same goroutine, so that order is exact; that nothing is
// handed on from the moment Cancel returns is TestNothingIsHandedAfterACancel's),
// nothing is sent on it after, a producer never sends more than was asked,
// the pipeline ends, and every event is accounted for.
func TestCancelsOverManySeeds(t *testing.T) {
	for seed := range 150 {
		t.Run(strconv.Itoa(seed), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) { cancelRun(t, rand.New(rand.NewPCG(uint64(seed), 11))) })
		})
	}
}

const perProducer = 1_000_000 // a producer's events are its ID times this, plus a count

func cancelRun(t *testing.T, r *rand.Rand) {
	l := &log{}
	pl := newPipeline(t, l)
	var tick atomic.Int64
	var mu sync.Mutex
	var calls []handing
	endedAt := map[edge]int64{}     // when each consumer took in the end of a subscription
	cancelledAt := map[edge]int64{} // when a consumer's own Cancel returned, inside its function
	reasons := []error{nil, fmt.Errorf("drain: %w", stage.ErrStopped), errGone}

	var producers []*stage.Producer[int]
	for range 1 + r.IntN(3) {
		producers = append(producers, tagged(pl, r, r.IntN(200), 3, stage.BufferSize(r.IntN(30))))
	}
	type sub struct {
		c    *stage.Consumer[int]
		p    *stage.Producer[int]
		mode stage.CancelMode
	}
	var subs []sub
	var consumers []*stage.Consumer[int]
	for range 1 + r.IntN(3) {
		rs := rand.New(rand.NewPCG(r.Uint64(), 2))
		var c *stage.Consumer[int]
		max := 1 + r.IntN(20)
		opts := []stage.Option{stage.MaxDemand(max), stage.MinDemand(r.IntN(max)),
			stage.HandleCancel(func(_ context.Context, producer int, _ error) {
				e := edge{c.ID(), producer}
				mu.Lock()
				if _, ok := endedAt[e]; !ok {
					endedAt[e] = tick.Add(1)
				}
				mu.Unlock()
			})}
		c = must(stage.NewConsumer(pl, func(ctx context.Context, events []int) error {
			h := handing{consumer: c.ID(), at: tick.Add(1), from: map[int]bool{}}
			for _, e := range events {
				h.from[e/perProducer] = true
			}
			mu.Lock()
			calls = append(calls, h)
			mu.Unlock()
			if rs.IntN(10) == 0 { // a consumer cancelling from its own function: the order is exact
				p := producers[rs.IntN(len(producers))]
				if err := c.Cancel(p, reasons[rs.IntN(len(reasons))]); err == nil {
					mu.Lock()
					if _, ok := cancelledAt[edge{c.ID(), p.ID()}]; !ok {
						cancelledAt[edge{c.ID(), p.ID()}] = tick.Add(1)
					}
					mu.Unlock()
				}
			}
			return sleep(ctx, rs.IntN(4))
		}, opts...))
		consumers = append(consumers, c)
	}
	// Every producer has a consumer, every consumer a producer, some more.
	for i := range max(len(producers), len(consumers)) {
		c, p := consumers[i%len(consumers)], producers[i%len(producers)]
		m := stage.CancelMode(r.IntN(3))
		require.NoError(t, c.SubscribeTo(p, stage.Cancel(m)))
		subs = append(subs, sub{c, p, m})
	}
	for _, c := range consumers {
		for _, p := range producers {
			m := stage.CancelMode(r.IntN(3))
			if r.IntN(3) == 0 && c.SubscribeTo(p, stage.Cancel(m)) == nil {
				subs = append(subs, sub{c, p, m})
			}
		}
	}
	require.NoError(t, pl.Start(t.Context()))

	// The canceller: a few cancels at random moments.
	var wg sync.WaitGroup
	wg.Go(func() {
		for range r.IntN(len(subs) + 1) {
			_ = sleep(t.Context(), r.IntN(40))
			s := subs[r.IntN(len(subs))]
			require.NoError(t, s.c.Cancel(s.p, reasons[r.IntN(len(reasons))]))
		}
	})
	err := pl.Wait()
	wg.Wait()
	if err != nil {
		var se *stage.Error
		require.ErrorAs(t, err, &se, "only an abnormal cancel fails the pipeline")
		assert.ErrorIs(t, err, errGone)
	}

	for _, h := range calls {
		for p := range h.from {
			if at, ok := endedAt[edge{h.consumer, p}]; ok {
				assert.Less(t, h.at, at, "consumer %d handed events of producer %d after its end", h.consumer, p)
			}
			if at, ok := cancelledAt[edge{h.consumer, p}]; ok {
				assert.Less(t, h.at, at, "consumer %d handed events of producer %d after cancelling it", h.consumer, p)
			}
		}
	}
	checkCancelTrace(t, l.events)
	for _, p := range producers {
		st := p.Stats()
		assert.Equal(t, st.Produced, st.Sent+st.Dropped+st.Discarded, "producer %d: %+v", p.ID(), st)
	}
	for _, c := range consumers {
		st := c.Stats()
		assert.Equal(t, st.Received, st.Handled+st.Failed+st.Discarded, "consumer %d: %+v", c.ID(), st)
	}
}

// checkCancelTrace replays a trace: on each subscription a producer sends
// no more than was asked, and nothing after the consumer let go of it.
func checkCancelTrace(t *testing.T, events []event.Event) {
	t.Helper()
	owed := map[edge]int{}
	gone := map[edge]bool{}
	for i, e := range events {
		at := "event " + strconv.Itoa(i) + " " + e.String()
		k := edge{e.ID, e.Slot}
		switch e.Kind {
		case event.DemandAsked:
			require.False(t, gone[k], "demand asked after the cancel: %s", at)
			owed[k] += e.N
		case event.EventsDispatched:
			require.False(t, gone[k], "sent after the cancel: %s", at)
			owed[k] -= e.N
			require.GreaterOrEqual(t, owed[k], 0, "sent beyond demand: %s", at)
		case event.SubscriptionCancelled:
			gone[k] = true
		}
	}
}

// tagged adds a pull producer of n events, each its ID times perProducer
// plus a count, made in calls of random sizes that may sleep up to pause
// ms first.
func tagged(pl *stage.Pipeline, r *rand.Rand, n, pause int, opts ...stage.Option) *stage.Producer[int] {
	var p *stage.Producer[int]
	rs := rand.New(rand.NewPCG(r.Uint64(), 1))
	made := 0
	p = must(stage.NewProducer(pl, func(ctx context.Context, demand int) ([]int, error) {
		if err := sleep(ctx, rs.IntN(pause)); err != nil {
			return nil, err
		}
		var out []int
		for range min(demand, 1+rs.IntN(20), n-made) {
			out = append(out, p.ID()*perProducer+made)
			made++
		}
		if made == n {
			return out, io.EOF
		}
		return out, nil
	}, opts...))
	return p
}
