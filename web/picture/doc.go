// Package picture draws a demo's run at build time: the still the page
// shows before its WebAssembly loads, and without JavaScript.
//
// [Of] runs a scenario natively ([Record]), builds the pattern's visual
// from the trace as the browser does, picks the moment a still shows
// ([view.Kit.StillOf], the same the demo's reduced-motion frame uses) and
// asks the visual for its plans at a phone's and a desktop's width.
// [WriteSVG] draws a plan as the canvas painter does, a path per colour
// role, its colours and fonts as classes of picture.css, so the picture
// follows the page's light or dark scheme and needs no inline style.
//
// A build must give the same bytes every time: a run holds one processor
// while it steps, so its goroutines go in the order the scheduler gives,
// and coordinates are rounded to a hundredth of a pixel.
package picture
