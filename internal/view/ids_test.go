package view_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/concurrency-patterns/playground/internal/view"
)

func TestIDs(t *testing.T) {
	var x view.IDs
	_, ok := x.Get(3)
	assert.False(t, ok, "empty")
	for i, id := range []int32{5, 0, -1, 1 << 25, 70000} {
		x.Set(id, i)
	}
	for i, id := range []int32{5, 0, -1, 1 << 25, 70000} {
		got, ok := x.Get(id)
		assert.True(t, ok, "id %d", id)
		assert.Equal(t, i, got, "id %d", id)
	}
	_, ok = x.Get(4)
	assert.False(t, ok, "an id between others has no index")
	_, ok = x.Get(-7)
	assert.False(t, ok)
	x.Set(5, 9)
	got, _ := x.Get(5)
	assert.Equal(t, 9, got, "set again")
}
