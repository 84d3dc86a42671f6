//go:build js && wasm

package dom

import "syscall/js"

// Timer calls a function once, a given time after it is set; setting it
// again before then moves the call later, so a burst of edits makes one
// call (a debounce). One js.Func for its life; call [Timer.Release] when
// done.
type Timer struct {
	fn  js.Func
	id  js.Value
	set bool
}

// NewTimer returns an unset timer that calls fn.
func NewTimer(fn func()) *Timer {
	t := &Timer{}
	t.fn = js.FuncOf(func(js.Value, []js.Value) any {
		t.set = false
		fn()
		return nil
	})
	return t
}

// After sets the timer to call its function ms milliseconds from now,
// cancelling a call already set.
func (t *Timer) After(ms float64) {
	t.Stop()
	t.set = true
	t.id = js.Global().Call("setTimeout", t.fn, ms)
}

// Stop cancels the call set, if any.
func (t *Timer) Stop() {
	if t.set {
		js.Global().Call("clearTimeout", t.id)
		t.set = false
	}
}

// Pending reports whether a call is set.
func (t *Timer) Pending() bool { return t.set }

// Release cancels the call set and releases the callback.
func (t *Timer) Release() {
	t.Stop()
	t.fn.Release()
}
