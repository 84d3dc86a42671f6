//go:build js && wasm

package main

import (
	"runtime"
	"runtime/metrics"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/wasm/dom"
)

// A virtual clock may only step when every goroutine of its run is
// blocked. JavaScript calling into Go guarantees it at the start of the
// call; within the call, settle restores it after each step, so that one
// call steps a run many times. Each call from JavaScript costs more than a
// step (and leaves two values for the collector to finalize), so a big run
// stepped once a call took seconds longer and left a collection of a
// hundred milliseconds behind it.

// runnable reads how many goroutines are ready to run and not running. In
// js/wasm there is one thread, and while settle runs no other goroutine
// does, so the count is exact there.
var runnable = []metrics.Sample{{Name: "/sched/goroutines/runnable:goroutines"}}

// settle yields until no other goroutine is ready to run: each then is
// blocked, as a virtual clock step requires. It reports false when the
// runtime cannot count runnable goroutines, and the caller must return to
// JavaScript instead.
func settle() bool {
	for {
		metrics.Read(runnable)
		if runnable[0].Value.Kind() != metrics.KindUint64 {
			return false
		}
		if runnable[0].Value.Uint64() == 0 {
			return true
		}
		runtime.Gosched()
	}
}

// stepFor steps run for about ms of real time, or to its end, and reports
// whether it may go on. after runs after each step.
func stepFor(run *scenario.Run, ms float64, after func()) bool {
	end := dom.Now() + ms
	for i := 0; ; i++ {
		if !run.Step() {
			return false
		}
		after()
		if !settle() || (i%8 == 7 && dom.Now() >= end) {
			return true
		}
	}
}
