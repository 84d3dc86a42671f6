package main

import (
	"context"
	"errors"
	"io"
	"strconv"
	"sync"
	"time"

	"github.com/concurrency-patterns/playground/patterns/pool"
	"github.com/concurrency-patterns/playground/patterns/trace"
)

// The pool's workload: twenty-four callers, 4 ms apart, each borrow a
// worker for 10 to 30 ms from a pool of two with one overflow worker. A
// caller waits at most 20 ms for a worker; every seventh (from the
// fourth) breaks the worker it borrowed, which the pool replaces.
const (
	poolItems    = 24
	poolGap      = 4 * time.Millisecond
	poolSize     = 2
	poolOverflow = 1
	poolWait     = 20 * time.Millisecond
)

func recordPool(w io.Writer) (tally, error) {
	tw := trace.NewWriter(w, trace.Header{Pattern: "pool", Params: map[string]string{
		"items":        strconv.Itoa(poolItems),
		"rate":         strconv.Itoa(int(time.Second / poolGap)),
		"size":         strconv.Itoa(poolSize),
		"max_overflow": strconv.Itoa(poolOverflow),
		"strategy":     "lifo",
		"timeout":      ms(poolWait),
		"work_ms_min":  "10",
		"work_ms_max":  "30",
	}})
	var made int
	var mu sync.Mutex
	create := func(context.Context) (int, error) { // a worker is a number
		mu.Lock()
		defer mu.Unlock()
		made++
		return made, nil
	}
	ctx := context.Background()
	p, err := pool.New(ctx, create, nil, pool.Size(poolSize), pool.MaxOverflow(poolOverflow),
		pool.Timeout(poolWait), pool.WithHook(tw.Hook()))
	if err != nil {
		return nil, err
	}
	c := newCounts("served", "timed_out")
	c.add("items", poolItems)
	var callers sync.WaitGroup
	every(poolItems, poolGap, func(i int) {
		callers.Go(func() {
			err := p.Transaction(pool.WithCaller(ctx, i), func(ctx context.Context, _ int) error {
				c.add("served", 1)
				if err := sleep(ctx, between(10, 30)); err != nil {
					return err
				}
				if i%7 == 3 {
					return pool.ErrBroken
				}
				return nil
			})
			if errors.Is(err, pool.ErrTimeout) {
				c.add("timed_out", 1)
			}
		})
	})
	callers.Wait()
	p.Close()
	return c.tally(), tw.Close()
}
