package limiter

// waiter is a caller blocked in Acquire. Its fields are guarded by the
// limiter's mutex; ready is closed when the caller is granted a slot.
type waiter struct {
	id      int
	anon    bool // an Acquire caller; a Do caller is given a slot number
	slot    int
	granted bool
	ready   chan struct{}

	prev, next *waiter
	queued     bool
}

// queue is the FIFO of waiters, a doubly linked list threaded through them
// so that a caller who gives up leaves from the middle in O(1).
type queue struct {
	head, tail *waiter
	len        int
}

func (q *queue) push(w *waiter) {
	w.prev, w.next, w.queued = q.tail, nil, true
	if q.tail == nil {
		q.head = w
	} else {
		q.tail.next = w
	}
	q.tail = w
	q.len++
}

// pop removes and returns the head, or nil when nobody waits.
func (q *queue) pop() *waiter {
	w := q.head
	if w != nil {
		q.remove(w)
	}
	return w
}

func (q *queue) remove(w *waiter) {
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
	w.prev, w.next, w.queued = nil, nil, false
	q.len--
}
