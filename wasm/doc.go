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
// to add one).
//
// The picture comes first, with the playback bar under it: Play / Pause,
// Back, Step, back to the start, a time slider over a strip of marks at the
// notable events, and the speed. Beside the picture on a wide screen sit
// the kit's knobs, the two or three parameters that carry the pattern's
// lesson, as sliders (each beside its number field) or toggles, then every
// other parameter and the presets under "More parameters". On a phone the
// bar stays on screen while the demo scrolls, and the parameters open from
// it as a panel. Under them: charts of the run (package chart), a parameter
// sweep, exports of the trace as JSON and for Perfetto (package export),
// keyboard shortcuts and their help, an event log and a narration for
// screen readers.
//
// A demo computes its run and plays it once it is on screen, and pauses
// when it leaves; with prefers-reduced-motion it shows a still of the run
// instead, a moment mid-way, and plays only when asked (and then from
// event to event rather than gliding). Colours follow
// prefers-color-scheme, on the canvases too.
//
// Every edit of a parameter re-runs the demo a moment (debounceMs) after
// the last one, superseding a run still being computed, and the new run
// opens at the moment shown, playing if the last one was: the picture, the
// summary, the form and the URL describe one run. The speed is the one that
// plays the run in about 15 s (view.FitSpeed), unless one is chosen on the
// logarithmic slider, from 0.1× to 10,000×; "fit" goes back to it. The
// first demo keeps the URL's query in step with its form, with the speed
// when one is chosen (speed) and, when the reader paused, stepped or
// sought, with the time shown (t, in virtual ms), so a link reproduces the
// run and opens at that moment.
//
// Every demo also has an Embed button, whose panel holds the HTML another
// page pastes to show the demo with the form's values (package form makes
// it; web/static/embed.js turns it into an iframe). The embed page,
// embed.html, is the same program on a page with one mount point, which
// its frame.js names from ?pattern=… before the wasm starts; the pattern
// is the playground's own query parameter, not the scenario's.
//
// # Computing a run
//
// A scenario runs the real library code under a virtual clock, which may
// only step when every goroutine is blocked. In js/wasm that holds each
// time JavaScript calls into Go, so a run hands a step function to the
// loader's playgroundDrive, which calls it in a JavaScript loop for a few
// milliseconds at a time and yields to the browser in between; each call
// steps the clock for a few milliseconds, yielding to the run's goroutines
// after each step until none is left ready to run (settle). The whole
// trace is computed before it plays; the animation is then a function of
// the trace and a time (package view). What follows the run is cut in
// pieces the same way: the trace, its summary, the visual, the charts (read
// a few thousand events a step), then the run shown. The collector waits
// while runs compute (a collection among thousands of parked goroutines
// would hold the page for long) and runs once, as a piece of its own, when
// the last computation ends. A compute that takes long says so over the
// picture.
//
// # From JavaScript
//
// window.playgrounds holds one object per demo: pattern, params(),
// setParams(obj) (returns the validation errors, never throws; valid
// values re-run the demo as an edit does), run() (a Promise of the summary,
// with the scenario's own keys, of a run played from its start), summary()
// (that of the run shown, null before one), trace(), time(), playing(),
// speed() (the playback speed, a multiple of real time), seek(ms) (pauses
// there), presets(), applyPreset(name) (errors as data), sweep() (a Promise
// of {param, figure, ms, points}, each point the value run, its throughput,
// p99 and every figure of its summary) and exportTrace("json" or
// "chrome"). Their js.Funcs live as long as the page, as window.playgrounds
// does; those of a run's drive loop are released when it ends, and every
// listener when its demo breaks. window.playgroundsReady turns true, and
// document receives a "playgrounds-ready" event, once every demo is
// interactive.
//
// # Failures
//
// Every callback from JavaScript recovers: a panic shows an error panel in
// its demo and leaves the page's text alone. The loader reports a wasm that
// fails to load or exits.
package main
