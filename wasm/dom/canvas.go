//go:build js && wasm

package dom

import "syscall/js"

// Canvas is a <canvas> element.
type Canvas struct{ Element }

// AsCanvas treats e as a canvas.
func AsCanvas(e Element) Canvas { return Canvas{e} }

// SetSize sets the size of the drawing buffer, in device pixels. It clears
// the canvas and resets its context's state (transform, styles).
func (c Canvas) SetSize(w, h int) {
	c.v.Set("width", w)
	c.v.Set("height", h)
}

// Context2D returns the canvas's 2D drawing context.
func (c Canvas) Context2D() Context2D { return Context2D{c.v.Call("getContext", "2d")} }

// Context2D is a CanvasRenderingContext2D. Coordinates are in the units of
// its current transform.
type Context2D struct{ v js.Value }

// SetTransform replaces the transform: x' = a·x + c·y + e, y' = b·x + d·y + f.
func (c Context2D) SetTransform(a, b, cc, d, e, f float64) {
	c.v.Call("setTransform", a, b, cc, d, e, f)
}

// ClearRect makes a rectangle transparent.
func (c Context2D) ClearRect(x, y, w, h float64) { c.v.Call("clearRect", x, y, w, h) }

// SetFillStyle sets the colour of fills and text.
func (c Context2D) SetFillStyle(css string) { c.v.Set("fillStyle", css) }

// SetFont sets the font of text, as in CSS.
func (c Context2D) SetFont(css string) { c.v.Set("font", css) }

// SetTextAlign sets which end of a text its x is: "left", "right", "center".
func (c Context2D) SetTextAlign(a string) { c.v.Set("textAlign", a) }

// SetTextBaseline sets what a text's y is: "middle", "alphabetic", ….
func (c Context2D) SetTextBaseline(b string) { c.v.Set("textBaseline", b) }

// BeginPath starts a new path.
func (c Context2D) BeginPath() { c.v.Call("beginPath") }

// Rect adds a rectangle to the path.
func (c Context2D) Rect(x, y, w, h float64) { c.v.Call("rect", x, y, w, h) }

// Fill fills the path with the fill style.
func (c Context2D) Fill() { c.v.Call("fill") }

// FillText draws text with the fill style and font.
func (c Context2D) FillText(s string, x, y float64) { c.v.Call("fillText", s, x, y) }
