//go:build js && wasm

package dom

import (
	"strings"
	"syscall/js"
)

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
//
//go:noinline
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
//
//go:noinline
func (e Element) AddEventListener(typ string, fn func(Event)) (release func()) {
	return Listen(e.v, typ, fn)
}

// Key is a keyboard event's key: " ", "ArrowLeft", "?", ….
func (e Event) Key() string { return e.v.Get("key").String() }

// Modified reports whether Ctrl, Alt or Meta was held: such keys belong to
// the browser, not to the page.
func (e Event) Modified() bool {
	return e.v.Get("ctrlKey").Bool() || e.v.Get("altKey").Bool() || e.v.Get("metaKey").Bool()
}

// TargetKind says what kind of element an event was aimed at, in lower
// case: the tag, and for an input its type ("input:range").
func (e Event) TargetKind() string {
	t := e.v.Get("target")
	if t.IsUndefined() || t.IsNull() || t.Get("tagName").IsUndefined() {
		return ""
	}
	tag := strings.ToLower(t.Get("tagName").String())
	if tag == "input" {
		return tag + ":" + strings.ToLower(t.Get("type").String())
	}
	return tag
}

// OffsetX is a pointer event's x within its target, in CSS pixels.
func (e Event) OffsetX() float64 { return e.v.Get("offsetX").Float() }

// OffsetY is a pointer event's y within its target, in CSS pixels.
func (e Event) OffsetY() float64 { return e.v.Get("offsetY").Float() }

// Type is the event's type: "click", "change", ….
func (e Event) Type() string { return e.v.Get("type").String() }
