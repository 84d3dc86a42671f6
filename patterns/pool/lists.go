package pool

import "container/heap"

// idle holds the workers waiting to be checked out, as a ring: LIFO takes
// from the back, FIFO from the front, and both put back at the back.
type idle[W any] struct {
	ring  []*Worker[W]
	front int
	len   int
}

func (q *idle[W]) push(w *Worker[W]) {
	if q.len == len(q.ring) {
		bigger := make([]*Worker[W], max(4, 2*len(q.ring)))
		for i := range q.len {
			bigger[i] = q.ring[(q.front+i)%len(q.ring)]
		}
		q.ring, q.front = bigger, 0
	}
	q.ring[(q.front+q.len)%len(q.ring)] = w
	q.len++
}

// take removes a worker, from the back for LIFO or the front for FIFO; nil
// when none is idle.
func (q *idle[W]) take(s Strategy) *Worker[W] {
	if q.len == 0 {
		return nil
	}
	i := q.front
	if s == LIFO {
		i = (q.front + q.len - 1) % len(q.ring)
	} else {
		q.front = (q.front + 1) % len(q.ring)
	}
	w := q.ring[i]
	q.ring[i] = nil
	q.len--
	return w
}

// waiter is a caller blocked in Checkout. Its fields are guarded by the
// pool's mutex. It is settled once: handed a worker, handed a lane to
// create one in, or failed (err); ready is then closed, except when the
// caller settled it itself.
type waiter[W any] struct {
	id      int
	ready   chan struct{}
	settled bool
	worker  *Worker[W]
	lane    int // the lane to create a worker in, when worker is nil
	err     error

	prev, next *waiter[W]
}

// queue is the FIFO of waiters, threaded through them so that a caller who
// gives up leaves from the middle in O(1).
type queue[W any] struct {
	head, tail *waiter[W]
	len        int
}

func (q *queue[W]) push(w *waiter[W]) {
	w.prev = q.tail
	if q.tail == nil {
		q.head = w
	} else {
		q.tail.next = w
	}
	q.tail = w
	q.len++
}

func (q *queue[W]) pop() *waiter[W] {
	w := q.head
	if w != nil {
		q.remove(w)
	}
	return w
}

func (q *queue[W]) remove(w *waiter[W]) {
	if w.prev == nil {
		q.head = w.next
	} else {
		w.prev.next = w.next
	}
	if w.next == nil {
		q.tail = w.prev
	} else {
		w.next.prev = w.prev
	}
	w.prev, w.next = nil, nil
	q.len--
}

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
