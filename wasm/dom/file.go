//go:build js && wasm

package dom

import (
	"errors"
	"fmt"
	"syscall/js"
)

// File is a file the reader picked or dropped.
type File struct{ v js.Value }

// Files lists the files of an <input type=file> or of a drop event's
// dataTransfer.
func Files(list js.Value) []File {
	if list.IsUndefined() || list.IsNull() {
		return nil
	}
	out := make([]File, list.Length())
	for i := range out {
		out[i] = File{list.Index(i)}
	}
	return out
}

// Name is the file's name, as the reader's system gave it.
func (f File) Name() string { return f.v.Get("name").String() }

// Size is the file's size in bytes.
func (f File) Size() int { return f.v.Get("size").Int() }

// Read reads the file's bytes; done is called once, from a callback.
func (f File) Read(done func([]byte, error)) {
	settle(f.v.Call("arrayBuffer"), func(buf js.Value) { done(bytesOf(buf), nil) }, done)
}

// SameOrigin resolves raw against the page's address and returns it if it
// is on the page's own origin; anything else is an error that says why.
func SameOrigin(raw string) (string, error) {
	loc := js.Global().Get("location")
	var u js.Value
	if err := Catch(func() { u = js.Global().Get("URL").New(raw, loc.Get("href")) }); err != nil {
		return "", fmt.Errorf("%q is not a valid address", raw)
	}
	if origin := u.Get("origin").String(); origin != loc.Get("origin").String() {
		return "", fmt.Errorf("%q is on %s, not on this site: only files of this site can be opened by address", raw, origin)
	}
	return u.Get("href").String(), nil
}

// Fetch gets a same-origin URL's body, refusing one longer than max bytes
// when the server says its length; done is called once, from a callback.
func Fetch(url string, max int, done func([]byte, error)) {
	settle(js.Global().Call("fetch", url, map[string]any{"credentials": "same-origin"}), func(resp js.Value) {
		if !resp.Get("ok").Bool() {
			done(nil, fmt.Errorf("the server answered %d %s", resp.Get("status").Int(), resp.Get("statusText").String()))
			return
		}
		if n := resp.Get("headers").Call("get", "Content-Length"); n.Type() == js.TypeString {
			if size := js.Global().Call("Number", n).Float(); size > float64(max) {
				done(nil, fmt.Errorf("the file is %.0f MB, more than the %d MB this page opens", size/(1<<20), max>>20))
				return
			}
		}
		settle(resp.Call("arrayBuffer"), func(buf js.Value) { done(bytesOf(buf), nil) }, done)
	}, done)
}

// settle calls ok with a promise's value or fail with its reason.
func settle(p js.Value, ok func(js.Value), fail func([]byte, error)) {
	var then, catch js.Func
	release := func() { then.Release(); catch.Release() }
	then = js.FuncOf(func(_ js.Value, args []js.Value) any { release(); ok(args[0]); return nil })
	catch = js.FuncOf(func(_ js.Value, args []js.Value) any {
		release()
		fail(nil, errors.New(js.Global().Call("String", args[0]).String()))
		return nil
	})
	p.Call("then", then, catch)
}

func bytesOf(buf js.Value) []byte {
	arr := js.Global().Get("Uint8Array").New(buf)
	b := make([]byte, arr.Length())
	js.CopyBytesToGo(b, arr)
	return b
}

// Files lists the files a drop event carries.
func (e Event) Files() []File {
	dt := e.v.Get("dataTransfer")
	if dt.IsUndefined() || dt.IsNull() {
		return nil
	}
	return Files(dt.Get("files"))
}
