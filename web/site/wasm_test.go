package site

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestWasmFor(t *testing.T) {
	assert.Empty(t, wasmFor(nil), "a page without a demo loads no wasm")
	assert.Equal(t, "playground.wasm", wasmFor([]string{"stream"}))
	assert.Equal(t, "playground.wasm", wasmFor([]string{"stage", "tasks"}), "one build for every page")
}
