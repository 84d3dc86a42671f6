package scenario

import (
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
