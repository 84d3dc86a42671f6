// Package fifo is the waiting line of the limiter and the pool: first in,
// first out, and a waiter who gives up leaves from the middle in O(1). The
// links live in the waiters themselves, so joining the line allocates
// nothing.
package fifo

// Links are what a waiter carries to stand in a [Queue]; embed them and
// return them from a Links method.
type Links[T any] struct{ prev, next *T }

// Node is a pointer to a waiter that carries its links.
type Node[T any] interface {
	*T
	Links() *Links[T]
}

// Queue is a line of *T. The zero value is an empty line; it is not safe
// for concurrent use.
type Queue[T any, P Node[T]] struct {
	head, tail *T
	len        int
}

// Len is how many wait.
func (q *Queue[T, P]) Len() int { return q.len }

// Push puts e at the back of the line.
func (q *Queue[T, P]) Push(e *T) {
	l := P(e).Links()
	l.prev, l.next = q.tail, nil
	if q.tail == nil {
		q.head = e
	} else {
		P(q.tail).Links().next = e
	}
	q.tail = e
	q.len++
}

// Pop removes and returns the front of the line, or nil when nobody waits.
func (q *Queue[T, P]) Pop() *T {
	e := q.head
	if e != nil {
		q.Remove(e)
	}
	return e
}

// Remove takes e out of the line, wherever it stands. e must be in it.
func (q *Queue[T, P]) Remove(e *T) {
	l := P(e).Links()
	if l.prev == nil {
		q.head = l.next
	} else {
		P(l.prev).Links().next = l.next
	}
	if l.next == nil {
		q.tail = l.prev
	} else {
		P(l.next).Links().prev = l.prev
	}
	l.prev, l.next = nil, nil
	q.len--
}
