// Package leaktest is the goroutine-leak check the patterns' tests share.
// Only test files import it, so the library itself still needs nothing
// beyond the standard library.
package leaktest

import (
	"runtime"
	"testing"

	"go.uber.org/goleak"
)

// VerifyTestMain runs the package's tests, then fails them if a goroutine
// is left over.
//
// Under js/wasm it ignores runtime.handleEvent: when JavaScript calls into
// Go (a timer firing, for one), the runtime runs that call on a goroutine of
// its own and parks it until every other goroutine is blocked. It belongs to
// the runtime, not to the code under test. Natively no such goroutine
// exists, so there the check ignores nothing.
func VerifyTestMain(m *testing.M) {
	var opts []goleak.Option
	if runtime.GOOS == "js" {
		opts = append(opts, goleak.IgnoreAnyFunction("runtime.handleEvent"))
	}
	goleak.VerifyTestMain(m, opts...)
}
