// Package ring is a double-ended queue kept in one slice. The stream queues
// jobs for its workers in it, and the pool its idle workers, taken from the
// front (FIFO) or the back (LIFO).
package ring

// Ring is a double-ended queue. The zero value is empty and usable; [New]
// sets the room it starts with. It grows when full.
type Ring[T any] struct {
	buf        []T
	head, size int
}

// New returns an empty ring with room for capacity values.
func New[T any](capacity int) Ring[T] { return Ring[T]{buf: make([]T, capacity)} }

// Len reports how many values the ring holds.
func (r *Ring[T]) Len() int { return r.size }

// PushBack adds v at the back.
func (r *Ring[T]) PushBack(v T) {
	if r.size == len(r.buf) {
		r.grow()
	}
	r.buf[r.index(r.size)] = v
	r.size++
}

// PopFront removes and returns the front value, if any.
func (r *Ring[T]) PopFront() (T, bool) {
	if r.size == 0 {
		var zero T
		return zero, false
	}
	v := r.take(r.head)
	r.head = r.index(1)
	r.size--
	return v, true
}

// PopBack removes and returns the back value, if any.
func (r *Ring[T]) PopBack() (T, bool) {
	if r.size == 0 {
		var zero T
		return zero, false
	}
	r.size--
	return r.take(r.index(r.size)), true
}

// index is the slot of the value i places after the front.
func (r *Ring[T]) index(i int) int {
	i += r.head
	if i >= len(r.buf) {
		i -= len(r.buf)
	}
	return i
}

// take empties slot i, so that a value taken out can be collected.
func (r *Ring[T]) take(i int) T {
	v := r.buf[i]
	var zero T
	r.buf[i] = zero
	return v
}

func (r *Ring[T]) grow() {
	bigger := make([]T, max(4, 2*len(r.buf)))
	for i := range r.size {
		bigger[i] = r.buf[r.index(i)]
	}
	r.buf, r.head = bigger, 0
}
