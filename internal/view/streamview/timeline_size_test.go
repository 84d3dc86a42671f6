package streamview

import (
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
)

// TestLifeIsSmall: an item's life is 64 bytes, and an item has at least
// four events (pulled, started, ended, emitted), so the timeline adds at
// most 16 bytes per event to the trace's 40.
func TestLifeIsSmall(t *testing.T) {
	assert.LessOrEqual(t, unsafe.Sizeof(life{}), uintptr(64))
}
