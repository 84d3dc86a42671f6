package scenario

import (
	"context"
	"fmt"
	"sync"

	"github.com/concurrency-patterns/playground/patterns/clock"
	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/pool"
)

// Pool runs callers through a poolboy-style worker pool with
// :poolboy.transaction. Callers arrive at a steady rate; each checks a
// worker out (waiting at most timeout ms), uses it for a drawn time and,
// with probability fail_rate, finds it dead (the transaction's function
// returns pool.ErrBroken), so the pool replaces it at once.
var Pool = register(&Scenario{
	Name:  "pool",
	Title: "Worker pool",
	Params: []Param{
		{Name: "items", Kind: Int, Default: "60", Min: 1, Max: 20000,
			Help: "How many callers arrive, each for one transaction."},
		{Name: "rate", Kind: Float, Default: "60", Min: 0.1, Max: 100000,
			Help: "Callers arriving per second, evenly spaced."},
		{Name: "size", Kind: Int, Default: "5", Min: 1, Max: 500,
			Help: "Workers the pool keeps (poolboy's size)."},
		{Name: "max_overflow", Kind: Int, Default: "10", Min: 0, Max: 500,
			Help: "Extra workers created when all are busy, dismissed when checked in while nobody waits."},
		{Name: "strategy", Kind: Choice, Default: "lifo", Choices: []string{"lifo", "fifo"},
			Help: "Which idle worker is lent: the one checked in last (lifo) or the one idle longest (fifo)."},
		{Name: "timeout", Kind: Millis, Default: "5000", Min: 1, Max: 3_600_000, Infinite: true,
			Help: "How long a checkout waits for a worker."},
		{Name: "work_ms_min", Kind: Millis, Default: "100", Min: 0, Max: 600_000,
			Help: "Shortest use of a worker."},
		{Name: "work_ms_max", Kind: Millis, Default: "500", Min: 0, Max: 600_000,
			Help: "Longest use of a worker."},
		{Name: "fail_rate", Kind: Float, Default: "0", Min: 0, Max: 1,
			Help: "Chance that a worker dies while in use; the pool replaces it at once."},
		{Name: "seed", Kind: Int, Default: "1", Min: 0, Max: 1 << 31,
			Help: "Seeds the workload: the same seed gives the same work times and crashes."},
	},
	Summary:   []string{"items", "served", "timed_out", "overflow_max", "max_waiting", "replaced", "virtual_ms"},
	run:       runPool,
	summarize: summarizePool,
})

func runPool(ctx context.Context, v Values, clk clock.Clock, hook event.Hook) error {
	opts := []pool.Option{
		pool.Size(v.Int("size")),
		pool.MaxOverflow(v.Int("max_overflow")),
		pool.WithClock(clk),
		pool.WithHook(hook),
	}
	if v.String("strategy") == "fifo" {
		opts = append(opts, pool.WithStrategy(pool.FIFO))
	}
	if d, ok := v.Duration("timeout"); ok {
		opts = append(opts, pool.Timeout(d))
	} else {
		opts = append(opts, pool.NoTimeout())
	}
	made := 0 // workers are numbered as they are made, maybe by several callers at once
	var mu sync.Mutex
	create := func(context.Context) (int, error) {
		mu.Lock()
		defer mu.Unlock()
		made++
		return made, nil
	}
	p, err := pool.New(ctx, create, nil, opts...)
	if err != nil {
		return err
	}
	defer p.Close()
	var wg sync.WaitGroup
	err = atRate(ctx, clk, v.Int("items"), v.Float("rate"), func(i int) {
		wg.Go(func() {
			w := drawWork(v, i)
			_ = p.Transaction(pool.WithCaller(ctx, i), func(ctx context.Context, _ int) error {
				if err := clock.Sleep(ctx, clk, w.duration); err != nil {
					return err
				}
				if w.crash {
					return fmt.Errorf("worker of caller %d died: %w", i, pool.ErrBroken)
				}
				return nil
			})
		})
	})
	wg.Wait()
	return err
}

func summarizePool(v Values, trace []event.Record) map[string]float64 {
	s := map[string]float64{"items": float64(v.Int("items"))}
	served := map[int32]bool{}
	failed := map[int32]bool{}
	timeout := pool.ErrTimeout.Error()
	for _, r := range trace {
		switch r.Kind {
		case event.CheckedOut:
			served[r.ID] = true
		case event.CheckoutFailed:
			failed[r.ID] = true
			if r.Detail == timeout {
				s["timed_out"]++
			}
		case event.CheckoutWaiting:
			s["max_waiting"] = max(s["max_waiting"], float64(r.N))
		case event.OverflowStarted:
			s["overflow_max"] = max(s["overflow_max"], float64(r.N))
		case event.WorkerReplaced:
			s["replaced"]++
		}
	}
	for id := range served {
		if !failed[id] { // not one served as its context ended
			s["served"]++
		}
	}
	return s
}
