package site

// wasmFile is the one WebAssembly build of the site, which every page with
// a demo, and the embed page, loads: it holds every scenario.
//
// One build rather than one per page holding only that page's patterns:
// the patterns are a small part of the program (the runtime, the view and
// the drawing are the rest), so a page's own build weighed 1.04–1.18 MB
// gzip against 1.35 MB for the whole. A reader of a second page already
// downloads less, and a reader of every page about a seventh, since the
// browser and the service worker keep the one file across pages.
const wasmFile = "playground.wasm"

// wasmFor names the build a page with the given demos loads; a page
// without one loads none.
func wasmFor(demos []string) string {
	if len(demos) == 0 {
		return ""
	}
	return wasmFile
}
