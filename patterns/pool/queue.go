package pool

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
