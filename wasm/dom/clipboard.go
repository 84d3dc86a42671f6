//go:build js && wasm

package dom

import "syscall/js"

// CopyText puts text on the clipboard and calls done with whether it
// worked: the browser may refuse (no permission, no focus, no clipboard
// API), and the caller then offers the text to copy by hand. Both
// callbacks are released by whichever runs.
func CopyText(text string, done func(ok bool)) {
	clip := js.Global().Get("navigator").Get("clipboard")
	if !clip.Truthy() {
		done(false)
		return
	}
	var ok, fail js.Func
	settle := func(worked bool) {
		ok.Release()
		fail.Release()
		done(worked)
	}
	ok = js.FuncOf(func(js.Value, []js.Value) any { settle(true); return nil })
	fail = js.FuncOf(func(js.Value, []js.Value) any { settle(false); return nil })
	clip.Call("writeText", text).Call("then", ok, fail)
}

// Select selects the whole text of an input or textarea, ready to copy.
func (i Input) Select() { i.v.Call("select") }

// BaseDir is the URL of the folder of the page's base URL, ending in "/":
// where the site's files are, however deep the site is hosted.
func BaseDir() string {
	return js.Global().Get("URL").New("./", js.Global().Get("document").Get("baseURI")).Get("href").String()
}
