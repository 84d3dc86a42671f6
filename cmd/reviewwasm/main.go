//go:build js && wasm

// Command reviewwasm is the reviewer page's WebAssembly build: it runs the
// reviewer's analyzers on code pasted into the page. It is a build of its
// own, apart from the playground's, so the pattern pages do not carry the
// type checker.
//
// It defines one JavaScript function, reviewCheck(src), which returns the
// findings as JSON (see snippet.Result), and then calls
// reviewerReady() when the page defined it. A check is quick and runs in
// the callback; its panics, past the ones snippet turns into Failed, come
// back as a Problem too, so the page stays usable.
package main

import (
	"encoding/json"
	"fmt"
	"syscall/js"

	"github.com/concurrency-patterns/playground/review"
	"github.com/concurrency-patterns/playground/review/snippet"
)

func main() {
	// The page is on the same site as the pattern pages it links to.
	if err := review.Pages.Set(""); err != nil {
		panic(err)
	}
	check := js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) != 1 || args[0].Type() != js.TypeString {
			return encode(snippet.Result{Problem: "reviewCheck takes the code as one string."})
		}
		return encode(safeCheck(args[0].String()))
	})
	js.Global().Set("reviewCheck", check)
	if ready := js.Global().Get("reviewerReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {} // reviewCheck is called for as long as the page is open
}

func safeCheck(src string) (r snippet.Result) {
	defer func() {
		if v := recover(); v != nil {
			r = snippet.Result{Problem: fmt.Sprintf("The reviewer stopped on an internal error (%v); the code may still be fine.", v)}
		}
	}()
	return snippet.Check(src)
}

func encode(r snippet.Result) string {
	b, err := json.Marshal(r)
	if err != nil {
		return `{"problem":"the findings could not be encoded","findings":[]}`
	}
	return string(b)
}
