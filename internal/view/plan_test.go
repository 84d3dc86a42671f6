package view_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/concurrency-patterns/playground/internal/view"
)

func TestMs(t *testing.T) {
	for in, want := range map[float64]string{0: "0", 999.9: "999", 1000: "1,000", 1234567: "1,234,567", -1500: "-1,500"} {
		assert.Equal(t, want, view.Ms(in))
	}
}

func TestPlural(t *testing.T) {
	assert.Equal(t, "1 task", view.Plural(1, "task"))
	assert.Equal(t, "0 tasks", view.Plural(0, "task"))
}
