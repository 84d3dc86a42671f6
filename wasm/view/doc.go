// Package view turns a recorded trace of the bounded parallel stream into
// what the playground shows at a moment of virtual time, and that into a
// drawing plan. It knows nothing of browsers, so everything it decides is
// tested natively; the js/wasm side only issues the canvas calls a [Plan]
// lists.
//
// # From trace to pixels
//
// The animation is a pure function of the trace and a time t:
//
//	trace ──NewTimeline──▶ Timeline ──Scene(t)──▶ Scene ──Layout.Plan──▶ Plan ──▶ canvas
//
// [NewTimeline] indexes a trace once per run. [Timeline.Scene] answers
// "what is where at t" (the input queue, the running task in each lane and
// its progress, the out-of-order buffer, the results in the order they left
// the stream, the counters) without remembering any earlier answer, so
// scrubbing backwards gives exactly the state seen on the way forward.
// [Layout] places those parts for a canvas width; [Layout.Plan] turns a scene
// into rectangles grouped by colour role and text runs, so that drawing is
// one path per colour and no decision is left to the draw step.
//
// # Playback
//
// A [Player] is the playback state (play, pause, step to the next event,
// speed, seek, reset) over a timeline's time span. It holds a time and a
// speed, never a scene: the frame loop asks the timeline for the scene at
// the player's time.
package view
