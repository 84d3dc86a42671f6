package pool

import "container/heap"

// lanes hands out the lowest free lane number, so that a trace draws
// workers in compact rows.
type lanes struct {
	freed intHeap
	fresh int // lanes from fresh up have never been used
}

func (l *lanes) take() int {
	if len(l.freed) > 0 {
		return heap.Pop(&l.freed).(int)
	}
	l.fresh++
	return l.fresh - 1
}

func (l *lanes) free(n int) { heap.Push(&l.freed, n) }

type intHeap []int

func (h intHeap) Len() int           { return len(h) }
func (h intHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h intHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *intHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *intHeap) Pop() any {
	old := *h
	n := old[len(old)-1]
	*h = old[:len(old)-1]
	return n
}
