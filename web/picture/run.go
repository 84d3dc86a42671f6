package picture

import (
	"runtime"
	"runtime/metrics"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Record runs s with v to its end, natively, and returns the trace.
//
// A virtual clock may step only when every goroutine of the run is
// blocked. The browser gets that from its event loop and tests from
// testing/synctest; a program has neither, so the run is made to hold
// the only processor (GOMAXPROCS 1) and yields until the scheduler has
// no goroutine left to run. With one processor taken by the caller,
// nothing else can then wake: every other goroutine waits on one of the
// run's channels or locks, exactly the quiescence a step needs. Record
// is not for concurrent use; it sets GOMAXPROCS for its duration.
func Record(s *scenario.Scenario, v scenario.Values) ([]event.Record, error) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	run := s.Start(v)
	if err := run.Complete(settle); err != nil {
		return nil, err
	}
	return run.Trace(), nil
}

var runnable = []metrics.Sample{{Name: "/sched/goroutines/runnable:goroutines"}}

// settle yields until no goroutine is ready to run.
func settle() {
	for {
		metrics.Read(runnable)
		if runnable[0].Value.Uint64() == 0 {
			return
		}
		runtime.Gosched()
	}
}
