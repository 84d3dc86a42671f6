//go:build js && wasm

package dom

import "syscall/js"

// CopyText puts text on the clipboard and calls done with whether it
// worked: the browser may refuse (no permission, no focus, no clipboard
// API), and the caller then offers the text to copy by hand. One callback
// serves both outcomes (writeText fulfils with undefined, rejects with an
// error) and releases itself.
func CopyText(text string, done func(ok bool)) {
	clip := js.Global().Get("navigator").Get("clipboard")
	if !clip.Truthy() {
		done(false)
		return
	}
	var settle js.Func
	settle = js.FuncOf(func(_ js.Value, args []js.Value) any {
		settle.Release()
		done(len(args) == 0 || args[0].IsUndefined())
		return nil
	})
	clip.Call("writeText", text).Call("then", settle, settle)
}

// Select selects the whole text of an input or textarea, ready to copy.
func (i Input) Select() { i.v.Call("select") }

// BaseDir is the URL of the folder of the page's base URL, ending in "/":
// where the site's files are, however deep the site is hosted.
func BaseDir() string {
	return js.Global().Get("URL").New("./", js.Global().Get("document").Get("baseURI")).Get("href").String()
}
