//go:build js && wasm

package dom

import (
	"strings"
	"syscall/js"
)

// Document is the page's document.
type Document struct{ v js.Value }

// Doc returns the page's document.
func Doc() Document { return Document{js.Global().Get("document")} }

// CreateElement makes an element with the given tag name.
//
//go:noinline
func (d Document) CreateElement(tag string) Element {
	return Element{d.v.Call("createElement", tag)}
}

// QuerySelectorAll returns every element matching the CSS selector, in
// document order.
func (d Document) QuerySelectorAll(selector string) []Element {
	return elements(d.v.Call("querySelectorAll", selector))
}

// Dispatch dispatches a plain event of the given type on the document.
func (d Document) Dispatch(typ string) {
	d.v.Call("dispatchEvent", js.Global().Get("Event").New(typ))
}

// Element is a DOM element. The zero Element is not usable.
type Element struct{ v js.Value }

// Wrap returns the element v refers to.
func Wrap(v js.Value) Element { return Element{v} }

// JSValue returns the underlying JavaScript value.
func (e Element) JSValue() js.Value { return e.v }

// New makes an element with the given tag, class (may be empty) and text
// (may be empty), as the children of a widget are usually made.
//
//go:noinline
func (d Document) New(tag, class, text string) Element {
	e := d.CreateElement(tag)
	if class != "" {
		e.v.Set("className", class)
	}
	if text != "" {
		e.v.Set("textContent", text)
	}
	return e
}

// Attr returns the attribute's value and whether it is present.
//
//go:noinline
func (e Element) Attr(name string) (string, bool) {
	v := e.v.Call("getAttribute", name)
	if v.IsNull() {
		return "", false
	}
	return v.String(), true
}

// SetAttr sets an attribute.
//
//go:noinline
func (e Element) SetAttr(name, value string) { e.v.Call("setAttribute", name, value) }

// RemoveAttr removes an attribute.
//
//go:noinline
func (e Element) RemoveAttr(name string) { e.v.Call("removeAttribute", name) }

// SetText replaces the element's content with text.
//
//go:noinline
func (e Element) SetText(s string) { e.v.Set("textContent", s) }

// SetHidden shows or hides the element (the hidden attribute).
//
//go:noinline
func (e Element) SetHidden(hidden bool) { e.v.Set("hidden", hidden) }

// SetStyle sets one inline CSS property, e.g. SetStyle("height", "320px").
//
//go:noinline
func (e Element) SetStyle(property, value string) {
	e.v.Get("style").Call("setProperty", property, value)
}

// Append adds children at the end, in order.
//
//go:noinline
func (e Element) Append(children ...Element) {
	for _, c := range children {
		e.v.Call("append", c.v)
	}
}

// Replace replaces the element's children with children.
func (e Element) Replace(children ...Element) {
	args := make([]any, len(children))
	for i, c := range children {
		args[i] = c.v
	}
	e.v.Call("replaceChildren", args...)
}

// QuerySelector returns the first descendant matching the selector.
//
//go:noinline
func (e Element) QuerySelector(selector string) (Element, bool) {
	v := e.v.Call("querySelector", selector)
	return Element{v}, !v.IsNull()
}

// ClientWidth is the element's inner width in CSS pixels.
func (e Element) ClientWidth() float64 { return e.v.Get("clientWidth").Float() }

// OffsetSize is the element's laid-out width and height in CSS pixels,
// borders included; 0 for a hidden one.
func (e Element) OffsetSize() (w, h float64) {
	return e.v.Get("offsetWidth").Float(), e.v.Get("offsetHeight").Float()
}

// ComputedStyle returns the element's computed style, as it is now.
func (e Element) ComputedStyle() Style {
	return Style{js.Global().Call("getComputedStyle", e.v)}
}

// Style is a computed style (a live CSSStyleDeclaration).
type Style struct{ v js.Value }

// Get returns a property's value, trimmed; a custom property (--name) that
// is not set reads as empty.
func (s Style) Get(property string) string {
	return strings.TrimSpace(s.v.Call("getPropertyValue", property).String())
}

func elements(list js.Value) []Element {
	out := make([]Element, list.Length())
	for i := range out {
		out[i] = Element{list.Index(i)}
	}
	return out
}

// Remove takes the element out of the document.
//
//go:noinline
func (e Element) Remove() { e.v.Call("remove") }

// SetClass adds the class to the element, or removes it.
//
//go:noinline
func (e Element) SetClass(name string, on bool) {
	e.v.Get("classList").Call("toggle", name, on)
}

// ScrollIntoView scrolls the page so that the element's top is in view,
// at once.
//
//go:noinline
func (e Element) ScrollIntoView() {
	opts := js.Global().Get("Object").New()
	opts.Set("block", "start")
	e.v.Call("scrollIntoView", opts)
}

// Reveal scrolls the page, as little as it takes, until the element is in
// view; it does nothing when it is already.
func (e Element) Reveal() {
	opts := js.Global().Get("Object").New()
	opts.Set("block", "nearest")
	e.v.Call("scrollIntoView", opts)
}

// Closest is the nearest element, the element itself first, that matches
// selector.
//
//go:noinline
func (e Element) Closest(selector string) (Element, bool) {
	v := e.v.Call("closest", selector)
	if v.IsNull() {
		return Element{}, false
	}
	return Element{v}, true
}
