package scenario

import (
	"context"
	"errors"
	"time"

	"github.com/concurrency-patterns/playground/patterns/clock"
)

// Workload pieces the limiter, pool and spawn scenarios share: callers
// arriving at a steady rate, holding a resource for their drawn time, and
// crashing on purpose.

// errWaitedTooLong is why a simulated caller stops waiting.
var errWaitedTooLong = errors.New("waited longer than its timeout")

// simulatedCrash is the panic value of a caller the workload makes crash,
// so that only those are recovered.
type simulatedCrash int

// holdFor is a caller's work: it sleeps its drawn time, then crashes if
// drawn to.
func holdFor(ctx context.Context, clk clock.Clock, w work, i int) error {
	if err := clock.Sleep(ctx, clk, w.duration); err != nil {
		return err
	}
	if w.crash {
		panic(simulatedCrash(i))
	}
	return nil
}

// recoverCrash stops a simulated crash from ending the run; any other
// panic goes on.
func recoverCrash() {
	if p := recover(); p != nil {
		if _, ok := p.(simulatedCrash); !ok {
			panic(p)
		}
	}
}

// atRate calls start(i) for i = 0, 1, …, n-1, the i-th i/rate seconds of
// clk after the first, and returns ctx's error if it ends first. The
// limiter, pool and spawn scenarios share it.
func atRate(ctx context.Context, clk clock.Clock, n int, rate float64, start func(i int)) error {
	begin := clk.Now()
	for i := range n {
		at := time.Duration(float64(i) * float64(time.Second) / rate)
		if wait := at - clk.Now().Sub(begin); wait > 0 {
			if err := clock.Sleep(ctx, clk, wait); err != nil {
				return err
			}
		}
		start(i)
	}
	return nil
}
