package stage_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/stage"
)

// TestRandomPipelines builds random topologies with random options and
// random work, sometimes cancelled, and checks what must always hold: no
// consumer is sent more than it asked for, a producer's function is never
// asked for more than it owes, no consumer holds more than its max demand
// per producer, buffers and batches stay within their sizes, every event
// is accounted for once, in the trace and in each stage's Stats, and no
// goroutine is left (synctest and goleak). Stage functions, pull
// producers' and HandleFailed's included, fail and panic at random.
func TestRandomPipelines(t *testing.T) {
	for seed := range 150 {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) { randomPipeline(t, uint64(seed)) })
		})
	}
}

// owed tracks, from the events, what each producer owes its consumers.
type owed struct {
	log
	mu   sync.Mutex
	owes map[int]int
}

func (o *owed) hook(e event.Event) {
	o.log.hook(e)
	o.mu.Lock()
	defer o.mu.Unlock()
	switch e.Kind {
	case event.DemandAsked:
		o.owes[e.Slot] += e.N
	case event.EventsDispatched:
		o.owes[e.Slot] -= e.N
	}
}

func (o *owed) of(producer int) int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.owes[producer]
}

type limits struct {
	maxDemand map[int]int // consumer stage: its max demand (not for batchers)
	buffer    map[int]int // producer stage: its buffer size
	batch     map[int]int // batcher stage: its batch size
}

func randomPipeline(t *testing.T, seed uint64) {
	r := rand.New(rand.NewPCG(seed, 99))
	o := &owed{owes: map[int]int{}}
	pl := newPipeline(t, nil, stage.WithHook(o.hook), stage.Shutdown(time.Duration(r.IntN(50))*time.Millisecond))
	lim := limits{maxDemand: map[int]int{}, buffer: map[int]int{}, batch: map[int]int{}}
	stats := map[int]func() stage.Stats{}                                       // every stage's Stats
	rng := func() *rand.Rand { return rand.New(rand.NewPCG(seed, r.Uint64())) } // one per goroutine
	mayStop := false                                                            // a failure without HandleFailed may stop the pipeline

	demandOpts := func(id func() int) ([]stage.Option, func()) {
		max := 1 + r.IntN(40)
		opts := []stage.Option{stage.MaxDemand(max)}
		if r.IntN(2) == 0 {
			opts = append(opts, stage.MinDemand(r.IntN(max)))
		}
		return opts, func() { lim.maxDemand[id()] = max }
	}
	bufferOpt := func() (stage.Option, int) {
		if r.IntN(4) == 0 {
			return stage.UnboundedBuffer(), 1 << 62
		}
		n := r.IntN(60)
		return stage.BufferSize(n), n
	}
	// failing returns a function that fails now and then, and the options
	// that say what a failure does.
	failing := func() (func(*rand.Rand) error, []stage.Option) {
		rate := []float64{0, 0, 0.05, 0.2}[r.IntN(4)]
		fail := func(rs *rand.Rand) error {
			switch {
			case rs.Float64() >= rate:
				return nil
			case rs.IntN(2) == 0:
				panic("random panic")
			}
			return errors.New("random error")
		}
		if rate > 0 && r.IntN(3) == 0 {
			mayStop = true
			return fail, nil
		}
		if rate > 0 && r.IntN(4) == 0 { // a HandleFailed that panics stops the pipeline too
			mayStop = true
			return fail, []stage.Option{stage.HandleFailed(func(context.Context, []int, error) { panic("failure handler bug") })}
		}
		return fail, []stage.Option{stage.HandleFailed(func(context.Context, []int, error) {})}
	}

	// Producers: pull or push.
	var sources []stage.Source[int]
	made := map[int]*int{} // producer ID: events it made
	var pushers []func(ctx context.Context)
	for range 1 + r.IntN(2) {
		bopt, size := bufferOpt()
		total := r.IntN(1500)
		n := new(int)
		if r.IntN(2) == 0 {
			rs := rng()
			faulty := r.IntN(5) == 0
			mayStop = mayStop || faulty
			var p *stage.Producer[int]
			p = must(stage.NewProducer(pl, func(ctx context.Context, demand int) ([]int, error) {
				if owes := o.of(p.ID()); demand > owes {
					t.Errorf("producer %d asked for %d, owes %d", p.ID(), demand, owes)
				}
				if err := sleep(ctx, rs.IntN(4)); err != nil {
					return nil, err
				}
				if faulty && rs.IntN(10) == 0 {
					if rs.IntN(2) == 0 {
						panic("producer bug")
					}
					return upTo(demand), errors.New("source failed") // events with an error are ignored
				}
				k := min(total-*n, []int{demand, max(demand/2, 1), demand + rs.IntN(20)}[rs.IntN(3)])
				*n += k
				if *n == total {
					return upTo(k), io.EOF
				}
				return upTo(k), nil
			}, bopt))
			made[p.ID()], lim.buffer[p.ID()], stats[p.ID()] = n, size, p.Stats
			sources = append(sources, p)
			continue
		}
		p := must(stage.NewPushProducer[int](pl, bopt))
		made[p.ID()], lim.buffer[p.ID()], stats[p.ID()] = n, size, p.Stats
		sources = append(sources, p)
		rs := rng()
		pushers = append(pushers, func(ctx context.Context) {
			defer p.Close()
			for *n < total {
				k := min(total-*n, rs.IntN(30))
				*n += k
				if p.Push(upTo(k)...) != nil {
					return // stopped: the producer discarded them
				}
				if sleep(ctx, rs.IntN(5)) != nil {
					return
				}
			}
		})
	}

	// subscribe gives each stage of the next layer some of the sources, so
	// that every source has a consumer and every consumer a source. A stage
	// goes on until its last producer finished (transient, as Broadway
	// subscribes its stages): a permanent one would end with its first.
	subscribe := func(layer []interface {
		SubscribeTo(stage.Source[int], ...stage.SubscribeOption) error
	}) {
		for i := range max(len(sources), len(layer)) {
			require.NoError(t, layer[i%len(layer)].SubscribeTo(sources[i%len(sources)], stage.Cancel(stage.CancelTransient)))
		}
		for _, s := range layer {
			for _, src := range sources {
				if r.IntN(3) == 0 {
					_ = s.SubscribeTo(src, stage.Cancel(stage.CancelTransient)) // may already be subscribed
				}
			}
		}
	}

	// An optional layer of producer-consumers.
	if n := r.IntN(3); n > 0 {
		var layer []interface {
			SubscribeTo(stage.Source[int], ...stage.SubscribeOption) error
		}
		var next []stage.Source[int]
		for range n {
			fail, fopts := failing()
			rs := rng()
			var pc *stage.ProducerConsumer[int, int]
			dopts, record := demandOpts(func() int { return pc.ID() })
			bopt, size := bufferOpt()
			pc = must(stage.NewProducerConsumer(pl, func(ctx context.Context, in []int) ([]int, error) {
				if err := sleep(ctx, rs.IntN(3)*len(in)); err != nil {
					return nil, err
				}
				out := make([]int, 0, 2*len(in))
				for range in {
					out = append(out, upTo(rs.IntN(3))...) // 0, 1 or 2 out for each in
				}
				return out, fail(rs)
			}, append(append(dopts, bopt), fopts...)...))
			record()
			lim.buffer[pc.ID()], stats[pc.ID()] = size, pc.Stats
			layer = append(layer, pc)
			next = append(next, pc)
		}
		subscribe(layer)
		sources = next
	}

	// The last layer: consumers, maybe a batcher.
	var layer []interface {
		SubscribeTo(stage.Source[int], ...stage.SubscribeOption) error
	}
	for range 1 + r.IntN(3) {
		fail, fopts := failing()
		rs := rng()
		var c *stage.Consumer[int]
		dopts, record := demandOpts(func() int { return c.ID() })
		stubborn := r.IntN(8) == 0 // ignores cancellation: may be abandoned
		c = must(stage.NewConsumer(pl, func(ctx context.Context, events []int) error {
			if stubborn {
				time.Sleep(time.Duration(rs.IntN(30)*len(events)) * time.Millisecond)
			} else if err := sleep(ctx, rs.IntN(3)*len(events)); err != nil {
				return err
			}
			return fail(rs)
		}, append(dopts, fopts...)...))
		record()
		stats[c.ID()] = c.Stats
		layer = append(layer, c)
	}
	if r.IntN(2) == 0 {
		fail, fopts := failing()
		rs := rng()
		size := 1 + r.IntN(50)
		opts := append([]stage.Option{stage.BatchSize(size), stage.BatchTimeout(time.Duration(1+r.IntN(100)) * time.Millisecond)}, fopts...)
		bt := must(stage.NewBatcher(pl, func(ctx context.Context, batch []int) error {
			if err := sleep(ctx, rs.IntN(10)); err != nil {
				return err
			}
			return fail(rs)
		}, opts...))
		lim.batch[bt.ID()], stats[bt.ID()] = size, bt.Stats
		layer = append(layer, bt)
	}
	subscribe(layer)

	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	cancelled := r.IntN(4) == 0
	if cancelled {
		time.AfterFunc(time.Duration(r.IntN(300))*time.Millisecond, cancel)
	}
	require.NoError(t, pl.Start(ctx))
	var wg sync.WaitGroup
	for _, push := range pushers {
		wg.Go(func() { push(ctx) })
	}
	err := pl.Wait()
	cancel() // stops pushers of a pipeline that failed
	wg.Wait()

	if !cancelled && !mayStop {
		require.NoError(t, err)
	}
	// Abandoned stages end inside the bubble; let them, so that reading
	// what their functions counted does not race with their last writes.
	time.Sleep(time.Hour)
	synctest.Wait()
	checkRandomRun(t, &o.log, lim, made, err)
	assertStatsBalance(t, &o.log, stats)
}
