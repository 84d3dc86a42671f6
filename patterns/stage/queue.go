package stage

// queue is a FIFO of events kept in one slice: popping moves a head index,
// and the slice is compacted only when it would otherwise grow, so events
// move in bulk copies rather than one by one.
type queue[T any] struct {
	items []T
	head  int
}

func (q *queue[T]) len() int { return len(q.items) - q.head }

// front returns every queued event, oldest first, without removing them.
func (q *queue[T]) front() []T { return q.items[q.head:] }

func (q *queue[T]) push(events []T) {
	if q.head > 0 && len(q.items)+len(events) > cap(q.items) {
		n := copy(q.items, q.items[q.head:])
		clear(q.items[n:])
		q.items, q.head = q.items[:n], 0
	}
	q.items = append(q.items, events...)
}

// pop removes the n oldest events, clearing them so they can be collected.
func (q *queue[T]) pop(n int) {
	clear(q.items[q.head : q.head+n])
	q.head += n
	if q.head == len(q.items) {
		q.items, q.head = q.items[:0], 0
	}
}
