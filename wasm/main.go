//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/concurrency-patterns/playground/wasm/dom"
)

func main() {
	doc := dom.Doc()
	apis := []any{}
	var first *demo
	// The replay page's address names a trace file, not a demo's values.
	replay := len(doc.QuerySelectorAll("[data-replay]")) > 0
	for i, el := range doc.QuerySelectorAll("[data-playground]") {
		var query map[string]string
		if i == 0 && !replay { // one URL cannot address two demos; see package form
			query = dom.Query()
		}
		d, err := newDemo(doc, el, i, query)
		if err != nil {
			showProblem(doc, el, err.Error())
			continue
		}
		if i == 0 && replay {
			startReplay(doc, d)
		}
		if i == 0 {
			first = d
		}
		apis = append(apis, d.api())
	}
	if first != nil {
		first.tryButtons(doc)
	}
	js.Global().Set("playgrounds", js.ValueOf(apis))
	js.Global().Set("playgroundsReady", true)
	js.Global().Get("performance").Call("mark", "playgrounds-ready") // for measuring ready time
	doc.Dispatch("playgrounds-ready")
	// The demos live as long as the page, and their callbacks need the Go
	// program alive: main must not return.
	select {}
}

// showProblem replaces a demo's loading state with a message, keeping the
// element's fallback text.
func showProblem(doc dom.Document, el dom.Element, message string) {
	if bar, ok := el.QuerySelector(".playground-loading"); ok {
		bar.Remove()
	}
	problem := doc.New("p", "playground-error", message)
	problem.SetAttr("role", "alert")
	el.Append(problem)
}
