package supervisor

import "time"

// due is when a stopping child is to be abandoned, or a restarting one
// started. Entries that no longer apply (the child returned in time, or was
// removed while it waited) are left in the heap and skipped when they
// surface.
type due struct {
	at      time.Time
	id      ID
	restart bool // a restart delay ends, rather than a shutdown time
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
