//go:build js && wasm

package dom

import (
	"slices"
	"syscall/js"
)

// DevicePixelRatio is how many device pixels make one CSS pixel.
func DevicePixelRatio() float64 {
	if r := js.Global().Get("devicePixelRatio"); r.Truthy() {
		return r.Float()
	}
	return 1
}

// OnWindow listens to a window event such as "resize"; see [Listen].
func OnWindow(typ string, fn func(Event)) (release func()) {
	return Listen(js.Global(), typ, fn)
}

// MediaQuery is the result of window.matchMedia, e.g. for
// "(prefers-color-scheme: dark)".
type MediaQuery struct{ v js.Value }

// MatchMedia evaluates a media query.
func MatchMedia(query string) MediaQuery {
	return MediaQuery{js.Global().Call("matchMedia", query)}
}

// Matches reports whether the query applies now.
func (m MediaQuery) Matches() bool { return m.v.Get("matches").Bool() }

// OnChange calls fn whenever the query starts or stops applying.
func (m MediaQuery) OnChange(fn func()) (release func()) {
	return Listen(m.v, "change", func(Event) { fn() })
}

// Frames calls a function on the next animation frame, as often as it is
// requested: one js.Func for the life of an animation, not one a frame.
type Frames struct {
	fn      js.Func
	id      js.Value
	pending bool
}

// NewFrames returns frames that call fn with the frame's timestamp, in
// milliseconds. Call [Frames.Release] when done.
func NewFrames(fn func(ts float64)) *Frames {
	fr := &Frames{}
	fr.fn = js.FuncOf(func(this js.Value, args []js.Value) any {
		fr.pending = false
		ts := 0.0
		if len(args) > 0 {
			ts = args[0].Float()
		}
		fn(ts)
		return nil
	})
	return fr
}

// Request asks for one call on the next frame; requests before that frame
// make no second call.
func (fr *Frames) Request() {
	if fr.pending {
		return
	}
	fr.pending = true
	fr.id = js.Global().Call("requestAnimationFrame", fr.fn)
}

// Release cancels a requested frame and releases the callback.
func (fr *Frames) Release() {
	if fr.pending {
		js.Global().Call("cancelAnimationFrame", fr.id)
		fr.pending = false
	}
	fr.fn.Release()
}

// Query returns the parameters of the page URL's query; of a repeated name,
// the last value.
func Query() map[string]string {
	return ParseQuery(js.Global().Get("location").Get("search").String())
}

// ParseQuery parses a URL query ("?a=1&b=2" or "a=1&b=2") as the browser
// does.
func ParseQuery(search string) map[string]string {
	params := js.Global().Get("URLSearchParams").New(search)
	entries := js.Global().Get("Array").Call("from", params)
	out := make(map[string]string, entries.Length())
	for i := range entries.Length() {
		e := entries.Index(i)
		out[e.Index(0).String()] = e.Index(1).String()
	}
	return out
}

// WithQuery returns href with the query parameters in set set (new ones
// added in name order) and those in del deleted; others are kept.
func WithQuery(href string, set map[string]string, del []string) string {
	u := js.Global().Get("URL").New(href)
	params := u.Get("searchParams")
	names := make([]string, 0, len(set))
	for name := range set {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		params.Call("set", name, set[name])
	}
	for _, name := range del {
		params.Call("delete", name)
	}
	return u.Get("href").String()
}

// ReplaceQuery changes the page URL's query as [WithQuery] does, without
// adding a history entry or reloading.
func ReplaceQuery(set map[string]string, del []string) {
	g := js.Global()
	href := WithQuery(g.Get("location").Get("href").String(), set, del)
	if href != g.Get("location").Get("href").String() {
		h := g.Get("history")
		h.Call("replaceState", h.Get("state"), "", href)
	}
}

// Now is the page's high-resolution clock (performance.now), in
// milliseconds.
func Now() float64 { return js.Global().Get("performance").Call("now").Float() }
