package scenario

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/concurrency-patterns/playground/patterns/clock"
	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/stage"
)

// Stage runs a Broadway-shaped pipeline of demand-driven stages (Elixir's
// GenStage): one producer (stage 0), `consumers` processors that each work
// a drawn number of milliseconds per event (stages 1…consumers), and one
// batcher after them (the last stage). With rate 0 the producer makes
// events only when asked; with a rate it pushes them on a schedule, and
// its buffer drops the oldest when the processors fall behind.
//
// Each event's work and crash are drawn from the seed and its index. Stages
// that act at the same virtual instant (two processors finishing together,
// a push as a processor asks) may go in either order, which can change
// which processor gets which events; with one processor and rate 0 two
// runs have the same events at the same times.
var Stage = register(&Scenario{
	Name:  "stage",
	Title: "Demand-driven stages",
	Params: []Param{
		{Name: "items", Kind: Int, Default: "200", Min: 1, Max: 20000,
			Help: "How many events the producer makes in all."},
		{Name: "rate", Kind: Int, Default: "0", Min: 0, Max: 100_000,
			Help: "0: the producer makes events only when asked (backpressure). Otherwise it pushes this many events a second, asked or not, and its buffer takes the excess."},
		{Name: "max_demand", Kind: Int, Default: "10", Min: 1, Max: 10000,
			Help: "How many events a processor asks for at first, and the most it holds."},
		{Name: "min_demand", Kind: Int, Default: "5", Min: 0, Max: 9999,
			Help: "A processor asks for more once its demand left falls to this; it handles at most max_demand - min_demand events a call. Must be less than max_demand."},
		{Name: "buffer_size", Kind: Int, Default: "10000", Min: 0, Max: 100_000,
			Help: "How many events the producer keeps beyond demand; beyond it the oldest are dropped."},
		{Name: "consumers", Kind: Int, Default: "4", Min: 1, Max: 64,
			Help: "How many processors share the producer's events; each event goes to the one owed the most demand."},
		{Name: "batch_size", Kind: Int, Default: "20", Min: 1, Max: 10000,
			Help: "How many processed events make a full batch."},
		{Name: "batch_timeout", Kind: Millis, Default: "1000", Min: 1, Max: 3_600_000,
			Help: "How long a batch may wait for more events, from its first, before it is flushed unfilled."},
		{Name: "work_ms_min", Kind: Millis, Default: "50", Min: 0, Max: 600_000,
			Help: "Shortest time a processor spends on one event."},
		{Name: "work_ms_max", Kind: Millis, Default: "400", Min: 0, Max: 600_000,
			Help: "Longest time a processor spends on one event."},
		{Name: "fail_rate", Kind: Float, Default: "0", Min: 0, Max: 1,
			Help: "Chance that processing an event panics; the whole call it was in fails and the processor goes on."},
		{Name: "seed", Kind: Int, Default: "1", Min: 0, Max: 1 << 31,
			Help: "Seeds the workload: the same seed gives the same durations and crashes."},
	},
	Summary:   []string{"items", "produced", "processed", "failed", "dropped", "max_buffer", "max_in_flight", "demand_asked", "batches", "virtual_ms"},
	checks:    checkStageParams,
	run:       runStage,
	summarize: summarizeStage,
})

// checkStageParams applies the stage scenario's rules that involve more
// than one parameter (Scenario.check already compares the work times).
// Parse reports them; runStage applies them again for callers that build
// Values another way.
func checkStageParams(v Values) []FieldError {
	if max, min := v.Int("max_demand"), v.Int("min_demand"); min >= max {
		return []FieldError{{Param: "min_demand", Message: fmt.Sprintf("must be less than max_demand (%d), got %d", max, min)}}
	}
	return nil
}

func runStage(ctx context.Context, v Values, clk clock.Clock, hook event.Hook) error {
	if errs := checkStageParams(v); len(errs) > 0 {
		joined := make([]error, len(errs))
		for i, e := range errs {
			joined[i] = e
		}
		return errors.Join(joined...)
	}
	pl, err := stage.New(stage.WithClock(clk), stage.WithHook(hook))
	if err != nil {
		return err
	}
	src, err := newSource(pl, v)
	if err != nil {
		return err
	}
	processors := make([]*stage.ProducerConsumer[int, int], v.Int("consumers"))
	for i := range processors {
		if processors[i], err = newProcessor(pl, v, clk, src); err != nil {
			return err
		}
	}
	timeout, _ := v.Duration("batch_timeout")
	batcher, err := stage.NewBatcher(pl, func(ctx context.Context, batch []int) error { return nil },
		stage.BatchSize(v.Int("batch_size")), stage.BatchTimeout(timeout))
	if err != nil {
		return err
	}
	for _, p := range processors { // transient, as Broadway's batchers: drain every processor
		if err := batcher.SubscribeTo(p, stage.Cancel(stage.CancelTransient)); err != nil {
			return err
		}
	}
	if err := pl.Start(ctx); err != nil {
		return err
	}
	if v.Int("rate") > 0 {
		pushOnSchedule(ctx, clk, src, v.Int("items"), v.Int("rate"))
	}
	return pl.Wait()
}

// newSource adds the producer of items 0…items-1: one that makes them when
// asked (rate 0), or one they are pushed to.
func newSource(pl *stage.Pipeline, v Values) (*stage.Producer[int], error) {
	items, bufferSize := v.Int("items"), stage.BufferSize(v.Int("buffer_size"))
	if v.Int("rate") > 0 {
		return stage.NewPushProducer[int](pl, bufferSize)
	}
	return stage.NewProducer(pl, countTo(items), bufferSize)
}

// newProcessor adds a processor that works on each event for its drawn
// time and panics on the events drawn to crash. A crash fails the whole
// call; HandleFailed keeps the processor going, as Broadway does.
func newProcessor(pl *stage.Pipeline, v Values, clk clock.Clock, src *stage.Producer[int]) (*stage.ProducerConsumer[int, int], error) {
	p, err := stage.NewProducerConsumer(pl, func(ctx context.Context, in []int) ([]int, error) {
		for _, item := range in {
			w := drawWork(v, item)
			if err := clock.Sleep(ctx, clk, w.duration); err != nil {
				return nil, err
			}
			if w.crash {
				panic("simulated crash of item " + strconv.Itoa(item))
			}
		}
		return in, nil
	}, stage.MaxDemand(v.Int("max_demand")), stage.MinDemand(v.Int("min_demand")),
		stage.HandleFailed(func(context.Context, []int, error) {}))
	if err != nil {
		return nil, err
	}
	return p, p.SubscribeTo(src)
}

// pushOnSchedule pushes item i at i/rate seconds of virtual time, at most
// one push a millisecond, then closes the producer. It stops early when
// ctx is done or the pipeline has stopped.
func pushOnSchedule(ctx context.Context, clk clock.Clock, src *stage.Producer[int], items, rate int) {
	defer src.Close()
	start := clk.Now()
	due := func(i int) time.Duration { return time.Duration(int64(i) * int64(time.Second) / int64(rate)) }
	for next := 0; next < items; {
		wait := max(due(next)-clk.Now().Sub(start), 0)
		if next > 0 {
			wait = max(wait, time.Millisecond)
		}
		if wait > 0 && clock.Sleep(ctx, clk, wait) != nil {
			return
		}
		now := clk.Now().Sub(start)
		first := next
		for next < items && due(next) <= now {
			next++
		}
		batch := make([]int, 0, next-first)
		for i := first; i < next; i++ {
			batch = append(batch, i)
		}
		if src.Push(batch...) != nil {
			return
		}
	}
}

// summarizeStage reads the figures off the trace. Stage 0 is the producer,
// 1…consumers the processors, the last stage the batcher.
func summarizeStage(v Values, trace []event.Record) map[string]float64 {
	s := map[string]float64{"items": float64(v.Int("items"))}
	consumers := int32(v.Int("consumers"))
	processor := func(id int32) bool { return id >= 1 && id <= consumers }
	inFlight := 0 // sent to processors, not yet handled by them
	for _, r := range trace {
		switch {
		case r.Kind == event.EventsProduced && r.ID == 0:
			s["produced"] += float64(r.N)
		case r.Kind == event.EventsDropped:
			s["dropped"] += float64(r.N)
		case r.Kind == event.BufferLevel && r.ID == 0:
			s["max_buffer"] = max(s["max_buffer"], float64(r.N))
		case r.Kind == event.DemandAsked && processor(r.ID):
			s["demand_asked"] += float64(r.N)
		case r.Kind == event.EventsDispatched && processor(r.ID):
			inFlight += int(r.N)
			s["max_in_flight"] = max(s["max_in_flight"], float64(inFlight))
		case r.Kind == event.EventsProcessed && processor(r.ID):
			inFlight -= int(r.N)
			s["processed"] += float64(r.N)
		case r.Kind == event.StageFailed && processor(r.ID):
			inFlight -= int(r.N)
			s["failed"] += float64(r.N)
		case r.Kind == event.BatchFlushed:
			s["batches"]++
		}
	}
	return s
}
