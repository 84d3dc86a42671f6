package supervisor

import (
	"container/heap"
	"time"
)

// slots hands out lanes for the visualizer: the lowest free one first, so
// children fill lanes from the top and a restart keeps its lane.
type slots struct {
	free intHeap
	next int // lanes below next have been handed out at least once
}

func (s *slots) take() int {
	if len(s.free) == 0 {
		s.next++
		return s.next - 1
	}
	return heap.Pop(&s.free).(int)
}

func (s *slots) put(slot int) { heap.Push(&s.free, slot) }

type intHeap []int

func (h intHeap) Len() int           { return len(h) }
func (h intHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h intHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *intHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *intHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// due is when a stopping child is to be abandoned. Entries of children
// that returned in time are left in the heap and skipped when they surface.
type due struct {
	at time.Time
	id ID
}

type dueHeap []due

func (h dueHeap) Len() int { return len(h) }
func (h dueHeap) Less(i, j int) bool {
	if h[i].at.Equal(h[j].at) {
		return h[i].id < h[j].id
	}
	return h[i].at.Before(h[j].at)
}
func (h dueHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *dueHeap) Push(x any)   { *h = append(*h, x.(due)) }
func (h *dueHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
