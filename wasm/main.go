//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/concurrency-patterns/playground/wasm/dom"
)

func main() {
	doc := dom.Doc()
	apis := []any{}
	var demos []*demo // by their place in the page; nil for one that failed
	// The replay page's address names a trace file, not a demo's values.
	replay := len(doc.QuerySelectorAll("[data-replay]")) > 0
	for i, el := range doc.QuerySelectorAll("[data-playground]") {
		var query map[string]string
		if i == 0 && !replay { // one URL cannot address two demos; see package form
			query = dom.Query()
		}
		d, err := newDemo(doc, el, i, query)
		demos = append(demos, d)
		if err != nil {
			showProblem(doc, el, err.Error())
			continue
		}
		if i == 0 && replay {
			startReplay(doc, d)
		}
	}
	pairAll(doc, demos)
	for _, d := range demos {
		if d != nil {
			apis = append(apis, d.api(len(apis)))
		}
	}
	tryButtons(doc, demos)
	js.Global().Set("playgrounds", js.ValueOf(apis))
	js.Global().Set("playgroundsReady", true)
	js.Global().Get("performance").Call("mark", "playgrounds-ready") // for measuring ready time
	doc.Dispatch("playgrounds-ready")
	// The demos live as long as the page, and their callbacks need the Go
	// program alive: main must not return.
	select {}
}

// pairAll ties the sides of each pair of the page (see web/playground's
// compare line) to one clock; a pair one of whose sides failed is left as
// two demos.
func pairAll(doc dom.Document, demos []*demo) {
	for i := 0; i+1 < len(demos); i++ {
		a, b := demos[i], demos[i+1]
		if a == nil || b == nil {
			continue
		}
		ra, okA := a.root.Closest(".pg-pair")
		rb, okB := b.root.Closest(".pg-pair")
		if okA && okB && ra.JSValue().Equal(rb.JSValue()) {
			pairUp(doc, ra, a, b)
			i++
		}
	}
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
