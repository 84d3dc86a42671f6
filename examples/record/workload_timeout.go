package main

import (
	"context"
	"errors"
	"io"
	"strconv"
	"sync"
	"time"

	"github.com/concurrency-patterns/playground/patterns/task"
	"github.com/concurrency-patterns/playground/patterns/trace"
)

// The timeouts' workload: ten tasks started 5 ms apart, each awaited by a
// caller of its own for at most 40 ms, then shut down with 20 ms to
// return. Most take 5 to 15 ms; every third (from the first) takes 100 ms
// but returns when cancelled; every fifth (from the fifth) takes 120 ms
// and ignores its cancellation, so it is abandoned.
const (
	timeoutItems    = 10
	timeoutGap      = 5 * time.Millisecond
	timeoutLimit    = 40 * time.Millisecond
	timeoutShutdown = 20 * time.Millisecond
)

func recordTimeout(w io.Writer) (tally, error) {
	tw := trace.NewWriter(w, trace.Header{Pattern: "timeout", Params: map[string]string{
		"items":         strconv.Itoa(timeoutItems),
		"interval_ms":   ms(timeoutGap),
		"timeout":       ms(timeoutLimit),
		"shutdown":      ms(timeoutShutdown),
		"work_ms_min":   "5",
		"work_ms_max":   "120",
		"stubborn_rate": "0.2",
		"fail_rate":     "0",
		"caller":        "each",
	}})
	sup, err := task.NewSupervisor(task.WithHook(tw.Hook()), task.Shutdown(timeoutShutdown))
	if err != nil {
		return nil, err
	}
	c := newCounts("ok", "timed_out", "abandoned", "late")
	c.add("items", timeoutItems)
	var callers, bodies sync.WaitGroup
	var refused error // a supervisor without a limit refuses no start
	every(timeoutItems, timeoutGap, func(i int) {
		var late bool // the body finished after its cancellation: the reply comes late
		bodies.Add(1)
		tk, err := task.Async(sup, func(ctx context.Context) (int, error) {
			defer bodies.Done()
			switch {
			case i%5 == 4:
				time.Sleep(120 * time.Millisecond) // deaf to ctx
			case i%3 == 0:
				if err := sleep(ctx, 100*time.Millisecond); err != nil {
					return 0, err
				}
			default:
				if err := sleep(ctx, between(5, 15)); err != nil {
					return 0, err
				}
			}
			late = ctx.Err() != nil
			return i, nil
		})
		if err != nil {
			bodies.Done()
			refused = err
			return
		}
		callers.Go(func() {
			_, err := tk.YieldOrShutdown(context.Background(), timeoutLimit)
			switch {
			case errors.Is(err, task.ErrAbandoned):
				c.add("abandoned", 1)
			case errors.Is(err, task.ErrTimeout):
				c.add("timed_out", 1)
			case err == nil && late:
				c.add("late", 1)
			case err == nil:
				c.add("ok", 1)
			}
		})
	})
	callers.Wait()
	bodies.Wait() // an abandoned body still ends, before the program does
	sup.Stop()
	if refused != nil {
		return nil, refused
	}
	return c.tally(), tw.Close()
}
