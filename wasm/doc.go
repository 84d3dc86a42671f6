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
// the page by the page URL's query (see package form). Each demo draws
// with the kit package visuals has for its scenario (package view says how
// to add one) and gets a form with the kit's presets; Run, Back, Play /
// Pause, Step, Reset and a speed from 0.1× to 10×; a time slider over a
// strip of marks at the notable events; the animation; charts of the run
// (package chart); a parameter sweep; exports of the trace as JSON and for
// Perfetto (package export); keyboard shortcuts and their help; an event
// log and a narration for screen readers. The first demo keeps the URL's
// query in step with its form and, when paused, with the time shown (t, in
// virtual ms), so a link reproduces the run and opens at that moment.
//
// Every demo also has an Embed button, whose panel holds the HTML another
// page pastes to show the demo with the form's values (package form makes
// it; web/static/embed.js turns it into an iframe). The embed page,
// embed.html, is the same program on a page with one mount point, which
// its frame.js names from ?pattern=… before the wasm starts; the pattern
// is the playground's own query parameter, not the scenario's.
//
// With prefers-reduced-motion the picture moves from event to event rather
// than gliding; colours follow prefers-color-scheme, on the canvases too.
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
// Promise of the summary, with the scenario's own keys), summary(),
// trace(), time(), seek(ms), presets(), applyPreset(name) (errors as
// data), sweep() (a Promise of {param, ms, points}) and exportTrace("json"
// or "chrome"). Their js.Funcs live as long as the page, as
// window.playgrounds does; those of a run's drive loop are released when
// it ends, and every listener when its demo breaks. window.playgroundsReady
// turns true, and document receives a "playgrounds-ready" event, once every
// demo is interactive.
//
// # Failures
//
// Every callback from JavaScript recovers: a panic shows an error panel in
// its demo and leaves the page's text alone. The loader reports a wasm that
// fails to load or exits.
package main
