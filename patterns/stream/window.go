package stream

// window holds finished results until they can be emitted in input order.
// It is a ring indexed by input position, growing when a slow task lets many
// later ones finish first.
type window[T any] struct {
	next  int // the input index to emit next
	slots []windowSlot[T]
}

type windowSlot[T any] struct {
	full  bool
	value T
}

func newWindow[T any](capacity int) *window[T] {
	n := 1
	for n < capacity {
		n <<= 1
	}
	return &window[T]{slots: make([]windowSlot[T], n)}
}

// put stores the result for input index i (i >= w.next).
func (w *window[T]) put(i int, v T) {
	for i-w.next >= len(w.slots) {
		w.grow()
	}
	w.slots[i&(len(w.slots)-1)] = windowSlot[T]{full: true, value: v}
}

// pop returns the next result in order, if it has finished.
func (w *window[T]) pop() (T, bool) {
	s := &w.slots[w.next&(len(w.slots)-1)]
	if !s.full {
		var zero T
		return zero, false
	}
	v := s.value
	*s = windowSlot[T]{}
	w.next++
	return v, true
}

func (w *window[T]) grow() {
	bigger := make([]windowSlot[T], 2*len(w.slots))
	for i := w.next; i < w.next+len(w.slots); i++ {
		bigger[i&(len(bigger)-1)] = w.slots[i&(len(w.slots)-1)]
	}
	w.slots = bigger
}
