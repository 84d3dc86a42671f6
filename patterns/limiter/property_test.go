package limiter_test

import (
	"context"
	"math/rand/v2"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/limiter"
)

// A caller of the random workload.
type caller struct {
	id      int           // 1000+i, so as not to meet TryAcquire's sequence numbers
	arrive  time.Duration // when it comes
	how     string        // "acquire", "do" or "try"
	timeout time.Duration // 0: waits as long as it takes
	hold    time.Duration
	panics  bool // a Do caller whose fn panics

	granted bool
	err     error
	waited  time.Duration
}

func randomCallers(r *rand.Rand) []*caller {
	cs := make([]*caller, 1+r.IntN(30))
	for i := range cs {
		c := &caller{id: 1000 + i, arrive: ms(r.IntN(100)), hold: ms(r.IntN(40))}
		c.how = []string{"acquire", "do", "do", "try"}[r.IntN(4)]
		if r.IntN(5) < 3 {
			c.timeout = ms(1 + r.IntN(80))
		}
		c.panics = c.how == "do" && r.IntN(6) == 0
		cs[i] = c
	}
	return cs
}

func ms(n int) time.Duration { return time.Duration(n) * time.Millisecond }

// run plays one caller and records its fate. holding counts the callers
// that hold a slot; it must never exceed max.
func (c *caller) run(t *testing.T, l *limiter.Limiter, holding *atomic.Int32) {
	time.Sleep(c.arrive)
	ctx := limiter.WithCaller(t.Context(), c.id)
	if c.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, c.timeout)
		defer cancel()
	}
	start := time.Now()
	work := func() {
		c.granted, c.waited = true, time.Since(start)
		assert.LessOrEqual(t, int(holding.Add(1)), l.Max(), "more holders than max")
		time.Sleep(c.hold)
		holding.Add(-1)
	}
	switch c.how {
	case "try":
		if l.TryAcquire() {
			work()
			l.Release()
		}
	case "acquire":
		if c.err = l.Acquire(ctx); c.err == nil {
			work()
			l.Release()
		}
	case "do":
		defer func() {
			if p := recover(); p != nil {
				assert.Equal(t, "crash "+strconv.Itoa(c.id), p)
			}
		}()
		c.err = l.Do(ctx, func(context.Context) error {
			work()
			if c.panics {
				panic("crash " + strconv.Itoa(c.id))
			}
			return nil
		})
	}
	if !c.granted {
		c.waited = time.Since(start)
	}
}

func TestInvariantsOverManySeeds(t *testing.T) {
	for _, m := range modes {
		for seed := range 150 {
			t.Run(m.name+"/"+strconv.Itoa(seed), func(t *testing.T) {
				r := rand.New(rand.NewPCG(uint64(seed), 5))
				max := 1 + r.IntN(4)
				callers := randomCallers(r)
				var tr *trace
				synctest.Test(t, func(t *testing.T) {
					var l *limiter.Limiter
					l, tr = newLimiter(t, max, m.hooked)
					var holding atomic.Int32
					var wg sync.WaitGroup
					for _, c := range callers {
						wg.Go(func() { c.run(t, l, &holding) })
					}
					wg.Wait() // a lost slot would leave someone blocked: synctest reports the deadlock
					assert.Equal(t, limiter.Status{}, l.Status(), "every slot came back")
				})
				for _, c := range callers {
					switch {
					case c.granted:
						assert.NoError(t, c.err)
						if c.timeout > 0 {
							assert.LessOrEqual(t, c.waited, c.timeout, "caller %d granted after giving up", c.id)
						}
					case c.how == "try":
						assert.Zero(t, c.waited, "TryAcquire never waits")
					default:
						require.Error(t, c.err, "caller %d neither granted nor gave up", c.id)
						assert.Equal(t, c.timeout, c.waited, "caller %d gave up at its deadline", c.id)
					}
				}
				if m.hooked {
					checkTrace(t, max, callers, tr.All())
				}
			})
		}
	}
}
