package ring_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/concurrency-patterns/playground/patterns/internal/ring"
)

func drain(r *ring.Ring[int], pop func() (int, bool)) []int {
	var out []int
	for v, ok := pop(); ok; v, ok = pop() {
		out = append(out, v)
	}
	return out
}

func TestFrontIsFIFOAndBackIsLIFO(t *testing.T) {
	r := ring.New[int](3)
	for i := range 3 {
		r.PushBack(i)
	}
	assert.Equal(t, []int{0, 1, 2}, drain(&r, r.PopFront))
	for i := range 3 {
		r.PushBack(i)
	}
	assert.Equal(t, []int{2, 1, 0}, drain(&r, r.PopBack))
	assert.Zero(t, r.Len())
}

func TestWrapsAroundAndGrowsInOrder(t *testing.T) {
	var r ring.Ring[int] // the zero value grows from nothing
	r.PushBack(0)
	r.PushBack(1)
	r.PushBack(2)
	v, _ := r.PopFront()
	assert.Equal(t, 0, v)
	for i := 3; i < 10; i++ { // wraps past the end, then grows
		r.PushBack(i)
	}
	assert.Equal(t, 9, r.Len())
	assert.Equal(t, []int{1, 2, 3, 4, 5, 6, 7, 8, 9}, drain(&r, r.PopFront))
}
