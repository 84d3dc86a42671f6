package main

import (
	"context"
	"maps"
	"math/rand/v2"
	"strconv"
	"sync"
	"time"
)

// The helpers the workloads share: real time, real waits.

// sleep waits d, or until ctx ends, as real work that honours
// cancellation does.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// between is a random duration from lo to hi ms.
func between(lo, hi int) time.Duration {
	return time.Duration(lo+rand.IntN(hi-lo+1)) * time.Millisecond
}

// every calls fn(i) for i in 0…n-1, gap apart.
func every(n int, gap time.Duration, fn func(i int)) {
	for i := range n {
		if i > 0 {
			time.Sleep(gap)
		}
		fn(i)
	}
}

// ms is a duration as the text of a parameter in milliseconds.
func ms(d time.Duration) string { return strconv.Itoa(int(d / time.Millisecond)) }

// counts is a tally that goroutines add to.
type counts struct {
	mu sync.Mutex
	t  tally
}

// newCounts starts a tally with every key at zero, so that the JSON names
// each figure the workload counts, even one it never saw.
func newCounts(keys ...string) *counts {
	c := &counts{t: tally{}}
	for _, k := range keys {
		c.t[k] = 0
	}
	return c
}

func (c *counts) add(key string, n int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t[key] += n
}

func (c *counts) tally() tally {
	c.mu.Lock()
	defer c.mu.Unlock()
	return maps.Clone(c.t)
}
