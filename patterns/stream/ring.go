package stream

// ring is a first-in first-out queue of bounded length: the jobs the
// consumer has dispatched and no worker has taken yet. Its length never
// exceeds the stream's concurrency, so it never grows.
type ring[T any] struct {
	buf        []T
	head, size int
}

func newRing[T any](capacity int) ring[T] { return ring[T]{buf: make([]T, capacity)} }

func (r *ring[T]) len() int { return r.size }

// push adds v at the back; the caller keeps the length within capacity.
func (r *ring[T]) push(v T) {
	i := r.head + r.size
	if i >= len(r.buf) {
		i -= len(r.buf)
	}
	r.buf[i] = v
	r.size++
}

// pop removes and returns the front value, if any.
func (r *ring[T]) pop() (T, bool) {
	var zero T
	if r.size == 0 {
		return zero, false
	}
	v := r.buf[r.head]
	r.buf[r.head] = zero // let the input be collected
	r.head++
	if r.head == len(r.buf) {
		r.head = 0
	}
	r.size--
	return v, true
}
