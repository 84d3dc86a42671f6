//go:build js && wasm

package dom

import (
	"math"
	"syscall/js"
)

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

// SetGlobalAlpha sets the opacity of what is drawn next, 0 to 1.
func (c Context2D) SetGlobalAlpha(a float64) { c.v.Set("globalAlpha", a) }

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

// SetStrokeStyle sets the colour of lines.
func (c Context2D) SetStrokeStyle(css string) { c.v.Set("strokeStyle", css) }

// SetLineWidth sets the width of lines, in the units of the transform.
func (c Context2D) SetLineWidth(w float64) { c.v.Set("lineWidth", w) }

// SetLineJoin sets how lines join: "round", "miter", "bevel".
func (c Context2D) SetLineJoin(j string) { c.v.Set("lineJoin", j) }

// Floats carries many numbers to JavaScript in one copy: a batch of
// rectangles or a line's points cost two calls across the boundary, not one
// a rectangle. The zero Floats is ready to use; it keeps its buffers for
// the next batch.
type Floats struct {
	bytes []byte
	u8    js.Value // a Uint8Array of cap(bytes), once made
	size  int      // its length in bytes
}

// load copies vals into the JavaScript buffer and returns its ArrayBuffer.
func (f *Floats) load(vals []float32) js.Value {
	n := 4 * len(vals)
	if n > f.size {
		f.size = max(n, 2*f.size, 1024)
		f.u8 = js.Global().Get("Uint8Array").New(f.size)
		f.bytes = make([]byte, f.size)
	}
	for i, v := range vals {
		u := math.Float32bits(v)
		f.bytes[4*i], f.bytes[4*i+1], f.bytes[4*i+2], f.bytes[4*i+3] = byte(u), byte(u>>8), byte(u>>16), byte(u>>24)
	}
	js.CopyBytesToJS(f.u8, f.bytes[:n])
	return f.u8.Get("buffer")
}

// FillRects fills rectangles given as x, y, w, h quadruples as one path,
// through the loader's playgroundRects.
func (c Context2D) FillRects(f *Floats, xywh []float32) {
	js.Global().Call("playgroundRects", c.v, f.load(xywh), len(xywh)/4)
}

// StrokeLine strokes a polyline given as x, y pairs, through the loader's
// playgroundLine.
func (c Context2D) StrokeLine(f *Floats, xy []float32) {
	js.Global().Call("playgroundLine", c.v, f.load(xy), len(xy)/2)
}
