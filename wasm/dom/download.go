//go:build js && wasm

package dom

import "syscall/js"

// Download offers data to the reader as a file, as a link with a download
// attribute does. The object URL is revoked a minute later: by then the
// browser has read it, and revoking at once can cancel the download.
func Download(name, mime string, data []byte) {
	g := js.Global()
	u8 := g.Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(u8, data)
	opts := g.Get("Object").New()
	opts.Set("type", mime)
	blob := g.Get("Blob").New([]any{u8}, opts)
	url := g.Get("URL").Call("createObjectURL", blob)
	a := g.Get("document").Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	a.Call("click")
	revoke := g.Get("URL").Get("revokeObjectURL").Call("bind", g.Get("URL"))
	g.Call("setTimeout", revoke, 60_000, url)
}

// Focus moves the keyboard focus to the element.
func (e Element) Focus() { e.v.Call("focus") }

// Contains reports whether v is the element or inside it.
func (e Element) Contains(v js.Value) bool { return e.v.Call("contains", v).Bool() }

// ToggleHidden flips the hidden attribute and reports whether the element
// is now shown.
func (e Element) ToggleHidden() bool {
	h := !e.v.Get("hidden").Bool()
	e.v.Set("hidden", h)
	return !h
}
