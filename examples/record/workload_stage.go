package main

import (
	"context"
	"io"
	"strconv"
	"time"

	"github.com/concurrency-patterns/playground/patterns/stage"
	"github.com/concurrency-patterns/playground/patterns/trace"
)

// The stages' workload: a producer of sixty numbers, made as they are
// asked for; three processors that take up to four at a time and spend 1
// to 4 ms on each, one call failing whenever it holds a number that is 7
// more than a multiple of 13; and a batcher that gathers what they pass on
// in batches of ten, or what it has after 20 ms. The stages are added in
// the order the playground numbers them: producer, processors, batcher.
const (
	stageItems     = 60
	stageConsumers = 3
	stageDemand    = 4
	stageBatch     = 10
	stageBatchWait = 20 * time.Millisecond
)

func recordStage(w io.Writer) (tally, error) {
	tw := trace.NewWriter(w, trace.Header{Pattern: "stage", Params: map[string]string{
		"items":         strconv.Itoa(stageItems),
		"rate":          "0",
		"max_demand":    strconv.Itoa(stageDemand),
		"min_demand":    strconv.Itoa(stageDemand / 2),
		"consumers":     strconv.Itoa(stageConsumers),
		"batch_size":    strconv.Itoa(stageBatch),
		"batch_timeout": ms(stageBatchWait),
		"work_ms_min":   "1",
		"work_ms_max":   "4",
	}})
	pl, err := stage.New(stage.WithHook(tw.Hook()))
	if err != nil {
		return nil, err
	}
	c := newCounts("produced", "processed", "failed", "batches")
	c.add("items", stageItems)
	next := 0 // the producer's function is called by its stage alone, one call at a time
	src, err := stage.NewProducer(pl, func(_ context.Context, demand int) ([]int, error) {
		out := make([]int, 0, demand)
		for ; len(out) < demand && next < stageItems; next++ {
			out = append(out, next)
		}
		c.add("produced", len(out))
		if next == stageItems {
			return out, io.EOF
		}
		return out, nil
	})
	if err != nil {
		return nil, err
	}
	procs := make([]*stage.ProducerConsumer[int, int], stageConsumers)
	for i := range procs {
		p, err := stage.NewProducerConsumer(pl, process(c), stage.MaxDemand(stageDemand), stage.MinDemand(stageDemand/2),
			stage.HandleFailed(func(_ context.Context, in []int, _ error) { c.add("failed", len(in)) }))
		if err != nil {
			return nil, err
		}
		if err := p.SubscribeTo(src); err != nil {
			return nil, err
		}
		procs[i] = p
	}
	bt, err := stage.NewBatcher(pl, func(context.Context, []int) error { c.add("batches", 1); return nil },
		stage.BatchSize(stageBatch), stage.BatchTimeout(stageBatchWait))
	if err != nil {
		return nil, err
	}
	for _, p := range procs {
		if err := bt.SubscribeTo(p, stage.Cancel(stage.CancelTransient)); err != nil {
			return nil, err
		}
	}
	if err := pl.Start(context.Background()); err != nil {
		return nil, err
	}
	if err := pl.Wait(); err != nil {
		return nil, err
	}
	return c.tally(), tw.Close()
}

// process is a processor's function: it works on each number in turn.
func process(c *counts) func(context.Context, []int) ([]int, error) {
	return func(ctx context.Context, in []int) ([]int, error) {
		for _, n := range in {
			if err := sleep(ctx, between(1, 4)); err != nil {
				return nil, err
			}
			if n%13 == 7 {
				panic("number " + strconv.Itoa(n) + " failed")
			}
		}
		c.add("processed", len(in))
		return in, nil
	}
}
