// Command wasm is the playground compiled to WebAssembly: the live demos
// beside each pattern's page. Build it with
//
//	GOOS=js GOARCH=wasm go build -o playground.wasm ./wasm
//
// and load it with web/static/loader.js, next to the wasm_exec.js of the
// same Go.
//
// # On the page
//
// Every element with a data-playground attribute becomes a demo of the
// scenario it names (see package scenario), started from the parameters in
// its data-params attribute (a JSON object), overlaid for the first demo of
// the page by the page URL's query (see package form). Each demo gets a
// form, the controls Run, Pause/Resume, Step and Reset, a speed, a time
// slider, a canvas and a summary line. The first demo keeps the URL's query
// in step with its form, so a link reproduces its run.
//
// # Computing a run
//
// A scenario runs the real library code under a virtual clock, which may
// only step when every goroutine is blocked. In js/wasm that holds each
// time JavaScript calls into Go, so Run hands a step function to the
// loader's playgroundDrive, which calls it in a JavaScript loop for a few
// milliseconds at a time and yields to the browser in between. The whole
// trace is computed before it plays; the animation is then a function of
// the trace and a time (package view).
//
// # From JavaScript
//
// window.playgrounds holds one object per demo: pattern, params(),
// setParams(obj) (returns the validation errors, never throws), run() (a
// Promise of the summary), summary() and trace(). window.playgroundsReady
// turns true, and document receives a "playgrounds-ready" event, once every
// demo is interactive.
//
// # Failures
//
// Every callback from JavaScript recovers: a panic shows an error panel in
// its demo and leaves the page's text alone. The loader reports a wasm that
// fails to load or exits.
package main
