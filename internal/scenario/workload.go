package scenario

import (
	"context"
	"io"
	"math/rand/v2"
	"time"
)

// ms converts a duration to (fractional) milliseconds, the unit of every
// time a scenario shows.
func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// itemRand returns a generator that depends only on the seed and the item,
// so an item's fate is the same whatever order the items run in.
func itemRand(seed int, item int) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(seed), uint64(item)*0x9e3779b97f4a7c15+1))
}

// work is what the simulated task for one item does.
type work struct {
	duration time.Duration
	crash    bool
}

// drawWork picks an item's duration in [min, max] ms and whether it crashes.
func drawWork(v Values, item int) work {
	r := itemRand(v.Int("seed"), item)
	lo, hi := v.Int("work_ms_min"), v.Int("work_ms_max")
	d := lo + r.IntN(hi-lo+1)
	return work{
		duration: time.Duration(d) * time.Millisecond,
		crash:    r.Float64() < v.Float("fail_rate"),
	}
}

// countTo is a pull producer's function that makes the items 0…n-1, as
// many as each demand asks for, and ends once it has made them all.
func countTo(n int) func(context.Context, int) ([]int, error) {
	next := 0
	return func(_ context.Context, demand int) ([]int, error) {
		out := make([]int, 0, min(demand, n-next))
		for ; len(out) < demand && next < n; next++ {
			out = append(out, next)
		}
		if next == n {
			return out, io.EOF
		}
		return out, nil
	}
}
