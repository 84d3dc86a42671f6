// Package lanes hands out small numbers for a trace to draw things in: the
// lowest free number first, so that rows stay compact and a number given
// back is the next one reused.
package lanes

import "container/heap"

// Lanes is a set of numbered lanes. The zero value is ready to use; it is
// not safe for concurrent use.
type Lanes struct {
	freed numbers
	fresh int // numbers from fresh up have never been handed out
}

// Take returns the lowest free lane.
func (l *Lanes) Take() int {
	if len(l.freed) > 0 {
		return heap.Pop(&l.freed).(int)
	}
	l.fresh++
	return l.fresh - 1
}

// Free gives a lane back.
func (l *Lanes) Free(n int) { heap.Push(&l.freed, n) }

// numbers is a min-heap of ints, for container/heap.
type numbers []int

func (h numbers) Len() int           { return len(h) }
func (h numbers) Less(i, j int) bool { return h[i] < h[j] }
func (h numbers) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *numbers) Push(x any)        { *h = append(*h, x.(int)) }
func (h *numbers) Pop() any {
	old := *h
	n := old[len(old)-1]
	*h = old[:len(old)-1]
	return n
}
