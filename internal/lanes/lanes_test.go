package lanes_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/concurrency-patterns/playground/internal/lanes"
)

func TestLowestFreeFirst(t *testing.T) {
	var l lanes.Lanes
	assert.Equal(t, []int{0, 1, 2, 3}, []int{l.Take(), l.Take(), l.Take(), l.Take()})
	l.Free(2)
	l.Free(0)
	assert.Equal(t, 0, l.Take())
	assert.Equal(t, 2, l.Take())
	assert.Equal(t, 4, l.Take(), "then a fresh one")
}
