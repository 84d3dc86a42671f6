package pool

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
