package fifo_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/concurrency-patterns/playground/patterns/internal/fifo"
)

type waiter struct {
	id    int
	links fifo.Links[waiter]
}

func (w *waiter) Links() *fifo.Links[waiter] { return &w.links }

func drain(q *fifo.Queue[waiter, *waiter]) []int {
	var out []int
	for w := q.Pop(); w != nil; w = q.Pop() {
		out = append(out, w.id)
	}
	return out
}

func TestFirstInFirstOut(t *testing.T) {
	var q fifo.Queue[waiter, *waiter]
	ws := []*waiter{{id: 1}, {id: 2}, {id: 3}, {id: 4}}
	for _, w := range ws {
		q.Push(w)
	}
	assert.Equal(t, 4, q.Len())
	q.Remove(ws[1]) // from the middle
	q.Remove(ws[3]) // from the back
	q.Push(ws[1])   // back in line, at the end
	assert.Equal(t, []int{1, 3, 2}, drain(&q))
	assert.Zero(t, q.Len())
	assert.Nil(t, q.Pop())
	q.Push(ws[0])
	q.Remove(ws[0]) // the only one
	assert.Nil(t, q.Pop())
}
