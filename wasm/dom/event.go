//go:build js && wasm

package dom

import "syscall/js"

// Event is a DOM event passed to a listener.
type Event struct{ v js.Value }

// PreventDefault stops the browser's default action (e.g. submitting a
// form).
func (e Event) PreventDefault() { e.v.Call("preventDefault") }

// Target is the value the event was dispatched to.
func (e Event) Target() js.Value { return e.v.Get("target") }

// Listen adds fn as a listener of typ on any EventTarget (an element, the
// window, a MediaQueryList) and returns the function that removes it and
// releases its js.Func.
func Listen(target js.Value, typ string, fn func(Event)) (release func()) {
	f := js.FuncOf(func(this js.Value, args []js.Value) any {
		var ev Event
		if len(args) > 0 {
			ev = Event{args[0]}
		}
		fn(ev)
		return nil
	})
	target.Call("addEventListener", typ, f)
	released := false
	return func() {
		if released {
			return
		}
		released = true
		target.Call("removeEventListener", typ, f)
		f.Release()
	}
}

// AddEventListener adds fn as a listener of typ on the element; see
// [Listen].
func (e Element) AddEventListener(typ string, fn func(Event)) (release func()) {
	return Listen(e.v, typ, fn)
}
