package pool_test

import (
	"testing"

	"go.uber.org/goleak"
)

// runtime.handleEvent is the js/wasm runtime's own goroutine, not ours.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m, goleak.IgnoreAnyFunction("runtime.handleEvent"))
}
