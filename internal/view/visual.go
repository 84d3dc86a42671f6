package view

import (
	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Visual is one run of one pattern as the playground animates it: built
// once from the run's trace, then asked for a [Plan] at any time, in any
// order. Plan must depend on (t, width) alone, never on an earlier call,
// so that scrubbing backwards shows exactly what playing forwards showed.
type Visual interface {
	// End is the time of the last event, in virtual ms: the run's length.
	End() float64
	// Times are the distinct event times, ascending, where Step stops. The
	// slice may be shared; callers do not modify it.
	Times() []float64
	// Marks are the notable events (crashes, timeouts, restarts, give-ups)
	// to mark on the timeline and narrate, in time order.
	Marks() []Mark
	// Height is how tall the drawing is at width, in CSS pixels. It must
	// not change with t: nothing jumps while a run plays.
	Height(width float64) float64
	// Plan draws the run at virtual time t on a canvas width pixels wide.
	Plan(t, width float64) Plan
}

// Mark is a notable event: a tick on the timeline, a line of narration.
type Mark struct {
	T     float64 // virtual ms
	Label string  // a few words: "item 7 crashed"
	Role  Role    // its colour
}

// Kit is everything the playground knows of one pattern's visual: how to
// build it, what its colours mean, the presets offered, what a sweep
// varies, and how the charts read the trace. Register a kit in package
// visuals under the scenario's name.
type Kit struct {
	// New builds the visual of a run; trace is nil for a preview of v
	// before any run.
	New func(trace []event.Record, v scenario.Values) Visual
	// Legend names what each colour means, in the order the eye meets them.
	Legend []Key
	// Presets are named sets of parameters, applied over the page's own.
	Presets []Preset
	// Sweep says which parameter a sweep varies and over which values.
	Sweep Sweep
	// Life says which event kinds queue, start and end a unit of work, for
	// the charts and the exports; nil means [TaskLife].
	Life Life
	// Upfront is how many units wait from time 0 without a queue event (a
	// stream's inputs); nil means none.
	Upfront func(scenario.Values) int
	// Words says an event in words for the event log; nil means [Words].
	Words func(event.Record) string
	// Describe is the canvas's accessible description.
	Describe string
	// Still picks the moment of a run a still picture shows, in virtual
	// ms; nil means [Busiest]. See [Kit.StillOf].
	Still func(trace []event.Record) float64
	// Knobs are the two or three parameters that carry the pattern's
	// lesson: the demo shows them beside the picture, as sliders or
	// toggles, and keeps the others under "more parameters".
	Knobs []Knob
}

// Knob is a parameter shown beside the picture. A number gets a slider
// over Min to Max beside its field, which still takes the parameter's
// whole range; a bool is a toggle and a choice a menu, as in the form.
type Knob struct {
	Param    string
	Min, Max float64 // the slider's range
	// Log makes the slider logarithmic, for a range over orders of
	// magnitude; a Min of 0 is then the slider's far left, and 1 the next
	// step.
	Log bool
}

// Key is one entry of a legend.
type Key struct {
	Role Role
	Text string
}

// Preset is a named set of parameters, e.g. "overloaded".
type Preset struct {
	Name   string            // shown in the picker
	Params map[string]string // raw values; the others keep the page's
}

// Sweep is a parameter and the values a sweep runs it at; the zero Sweep
// offers no sweep. Figure is the key of the scenario's summary the sweep
// is about (such as "dropped"): chosen well, it changes across the values
// (a knee, a plateau, a cliff) with the page's own parameters, and a test
// holds every kit to that. Plots are the charts drawn, Figure among them.
type Sweep struct {
	Param  string
	Values []string // ascending numbers, as the form writes them
	Figure string
	Plots  []Plot
}

// Plot is one chart of a sweep: a figure of each run against the swept
// parameter, with what it is in plain words.
type Plot struct {
	Key   string  // a key of the summary, or [PlotThroughput] or [PlotP99]
	Title string  // what the figure is: "the longest line of callers"
	Unit  string  // what it counts, under the title: "callers waiting at once"
	Scale float64 // multiplies the figure as drawn (0 is 1): 0.001 shows ms as s
	// Role colours the line by what it counts, as the picture colours the
	// same thing (a restart's purple, a waiting caller's grey); the zero
	// role means the default of [Plot.RoleOf].
	Role Role
}

// RoleOf is the colour of the plot's line: its Role, or for a plot that
// sets none, the p99 line's colour for [PlotP99] and the colour of work
// done for every other figure.
func (pl Plot) RoleOf() Role {
	switch {
	case pl.Role != RoleTrack:
		return pl.Role
	case pl.Key == PlotP99:
		return RoleP99
	}
	return RoleOK
}

// The figures a sweep measures of every run besides its summary.
const (
	PlotThroughput = "throughput" // units ended per virtual second
	PlotP99        = "p99"        // 99th percentile of the time from a unit's arrival to its end, ms
)

// LifeOf returns k.Life, or TaskLife when it is nil.
func (k Kit) LifeOf() Life {
	if k.Life == nil {
		return TaskLife
	}
	return k.Life
}

// UpfrontOf returns how many units of v wait from time 0.
func (k Kit) UpfrontOf(v scenario.Values) int {
	if k.Upfront == nil {
		return 0
	}
	return k.Upfront(v)
}

// WordsOf returns k.Words, or Words when it is nil.
func (k Kit) WordsOf() func(event.Record) string {
	if k.Words == nil {
		return Words
	}
	return k.Words
}
