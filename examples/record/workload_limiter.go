package main

import (
	"context"
	"io"
	"strconv"
	"sync"
	"time"

	"github.com/concurrency-patterns/playground/patterns/limiter"
	"github.com/concurrency-patterns/playground/patterns/trace"
)

// The limiter's workload: twenty callers, 5 ms apart, share three slots,
// each holding one for 20 to 40 ms. That is more than the slots serve, so
// a queue forms; a caller waits at most 25 ms for its slot, then gives up.
const (
	limiterItems = 20
	limiterGap   = 5 * time.Millisecond
	limiterMax   = 3
	limiterWait  = 25 * time.Millisecond
)

func recordLimiter(w io.Writer) (tally, error) {
	tw := trace.NewWriter(w, trace.Header{Pattern: "limiter", Params: map[string]string{
		"items":       strconv.Itoa(limiterItems),
		"rate":        strconv.Itoa(int(time.Second / limiterGap)),
		"max":         strconv.Itoa(limiterMax),
		"work_ms_min": "20",
		"work_ms_max": "40",
		"timeout":     ms(limiterWait),
		"fail_rate":   "0",
	}})
	lim, err := limiter.New(limiterMax, limiter.WithHook(tw.Hook()))
	if err != nil {
		return nil, err
	}
	c := newCounts("granted", "gave_up")
	c.add("items", limiterItems)
	var callers sync.WaitGroup
	every(limiterItems, limiterGap, func(i int) {
		callers.Go(func() {
			ctx, cancel := context.WithCancel(limiter.WithCaller(context.Background(), i))
			defer cancel()
			give := time.AfterFunc(limiterWait, cancel) // the wait is bounded, not the work
			ran := false
			_ = lim.Do(ctx, func(context.Context) error {
				give.Stop()
				ran = true
				time.Sleep(between(20, 40))
				return nil
			})
			if ran {
				c.add("granted", 1)
			} else {
				c.add("gave_up", 1)
			}
		})
	})
	callers.Wait()
	return c.tally(), tw.Close()
}
