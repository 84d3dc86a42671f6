//go:build js && wasm

package main

import (
	"math"
	"runtime"
	"runtime/debug"
)

// The collector waits while runs compute. In js/wasm one collection is one
// piece of work the browser cannot interrupt, and with the thousands of
// goroutines a big run parks it takes hundreds of milliseconds; a run
// allocates a few tens of megabytes, so it can well do without. When the
// last computation ends, one collection runs, as a piece of its own.
//
// computing counts the computations under way; gcPercent is the setting
// they hold back.
var (
	computing int
	gcPercent int
)

// gcLimit is the memory the program may reach while the collector waits,
// past which it collects all the same.
const gcLimit = 1 << 30

func holdGC() {
	if computing == 0 {
		gcPercent = debug.SetGCPercent(-1)
		debug.SetMemoryLimit(gcLimit)
	}
	computing++
}

func releaseGC() {
	if computing--; computing > 0 {
		return
	}
	debug.SetGCPercent(gcPercent)
	debug.SetMemoryLimit(math.MaxInt64)
	runtime.GC()
}
