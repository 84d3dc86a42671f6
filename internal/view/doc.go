// Package view is what the playground's demos share between patterns: the
// [Visual] interface each pattern's animation implements, the [Kit] that
// describes a pattern's visual (legend, presets, sweep, how to read its
// trace), the drawing [Plan] every canvas is painted from, the colour
// [Role]s and their palette, and the [Player] that plays a run. It knows
// nothing of browsers, so everything it decides is tested natively; the
// js/wasm side only issues the canvas calls a plan lists.
//
// # From trace to pixels
//
// The animation is a pure function of the trace and a time t:
//
//	trace ──Kit.New──▶ Visual ──Plan(t, width)──▶ Plan ──▶ canvas
//
// A visual indexes its trace once per run, then answers "what is drawn at
// t" without remembering any earlier answer, so scrubbing backwards gives
// exactly what playing forwards showed, and a link with a time opens that
// picture. A [Plan] groups rectangles by colour role and lists lines and
// texts, so drawing is a few batched calls per frame and no decision is
// left to the draw step.
//
// # Adding a pattern's visual
//
// A scenario without a visual of its own plays with [Generic]: its units
// of work in lanes. To give a pattern its own:
//
//  1. Make a package internal/view/<name>view (see streamview, the first one).
//     Index the trace in a constructor and implement [Visual]; keep the
//     layout per width, not per frame. Per-event indexes must stay small:
//     the playground's budget is 64 bytes of memory per event, trace
//     included (an event.Record is 40).
//  2. Export a Kit: New, a Legend of the roles it draws, at least three
//     Presets (named situations such as "healthy", "overloaded", "flaky
//     worker", each setting every parameter it is about), the Sweep it
//     offers (a parameter, its values, say buffer_size, and the figures
//     plotted against it, named in plain words), and, if its
//     events are not a task's (pulled, started, finished …), a Life that
//     says which kinds queue, start and end a unit, for the charts and the
//     Chrome trace export; Words and the visual's Marks if its notable
//     events are its own (restart, give-up).
//     Set Still when the busiest moment is not the one a still picture
//     should show (a view with a time axis shows its end, [Last]).
//  3. Add one line to the map in package visuals, and the scenario's
//     largest runs to scenariotest.Largest.
//  4. Test it natively, table-driven: scenes at given times of small
//     hand-made traces, a plan that fits the canvas at 360 and 1,200 px,
//     and replays of real runs of the scenario that check what must hold
//     at every event. The visuals package draws the largest runs of every
//     pattern: a canvas stays within 900 px, and no text runs off it
//     ([Plan.Overflow] measures with [TextWidth]).
//
// # At scale
//
// A view keeps a lane or a cell per unit while a few dozen fit; beyond
// that it aggregates and says so in its caption: slots as a cell each,
// lanes on a time axis as a [Heat] map of rows, thousands of results as a
// [Tally] of every outcome over the latest cells. Captions give [Fit] a
// shorter form for a phone.
//
// For example, a worker pool's kit could read:
//
//	var Kit = view.Kit{
//		New:    New, // func(trace []event.Record, v scenario.Values) view.Visual
//		Legend: []view.Key{{Role: view.RoleRunning, Text: "busy worker"}, {Role: view.RoleWaiting, Text: "waiting checkout"}},
//		Presets: []view.Preset{
//			{Name: "healthy", Params: map[string]string{"workers": "4", "jobs": "40"}},
//			{Name: "overloaded", Params: map[string]string{"workers": "2", "jobs": "400"}},
//			{Name: "flaky worker", Params: map[string]string{"workers": "4", "crash_rate": "0.2"}},
//		},
//		Sweep: view.Sweep{Param: "workers", Values: []string{"1", "2", "4", "8", "16"}, Figure: "max_waiting",
//			Plots: []view.Plot{
//				{Key: view.PlotThroughput, Title: "jobs done per second", Unit: "per virtual s"},
//				{Key: "max_waiting", Title: "longest line for a worker", Unit: "checkouts waiting at once"},
//			}},
//	}
//
// # Playback
//
// A [Player] is the playback state (play, pause, step to the next or the
// previous event, speed, seek, reset) over a visual's event times. It
// holds a time and a speed, never a scene: each frame asks the visual for
// the plan at the player's time.
package view
