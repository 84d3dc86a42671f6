// Package memtest measures memory for the patterns' tests of scale: what a
// call allocates, and what stays live.
package memtest

import "runtime"

// Allocated reports how many bytes fn allocated on the heap.
func Allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// LiveHeap collects garbage and reports the bytes still in use.
func LiveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}
