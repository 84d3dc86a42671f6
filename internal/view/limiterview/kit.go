// Package limiterview is the FIFO limiter's visual: its max slots and who
// holds each, the queue of waiting callers in arrival order (a newcomer
// never overtakes), callers giving up, crashed holders whose slot comes
// back, and the counts.
package limiterview

import (
	"strconv"
	"strings"

	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Kit is the limiter's entry in package visuals.
var Kit = view.Kit{
	New: New,
	Legend: []view.Key{
		{Role: view.RoleRunning, Text: "slot held"},
		{Role: view.RoleWaiting, Text: "waiting caller"},
		{Role: view.RoleTimedOut, Text: "wait used / gave up"},
		{Role: view.RoleOK, Text: "released"},
		{Role: view.RoleCrashed, Text: "crashed holder"},
	},
	Presets: []view.Preset{
		{Name: "under the limit", Params: params("5", "8", "2000", "0")},
		{Name: "queueing", Params: params("20", "3", "5000", "0")},
		{Name: "impatient callers", Params: params("20", "3", "400", "0")},
		{Name: "crashing holders", Params: params("20", "3", "5000", "0.3")},
	},
	// The line shortens as slots are added, until there are as many as the
	// callers need at once and nobody waits.
	Sweep: view.Sweep{Param: "max", Values: []string{"1", "2", "3", "4", "6", "8", "12", "16"}, Figure: "max_waiting",
		Plots: []view.Plot{
			{Key: view.PlotThroughput, Title: "callers served per second", Unit: "calls that returned, per virtual s"},
			{Key: view.PlotP99, Title: "p99 time of a call", Unit: "ms from the call to its return"},
			{Key: "max_waiting", Title: "longest line of callers", Unit: "callers waiting for a slot at once", Role: view.RoleWaiting},
		}},
	Life:  Life,
	Words: Words,
	Knobs: []view.Knob{
		{Param: "max", Min: 1, Max: 16},
		{Param: "rate", Min: 1, Max: 100},
		{Param: "timeout", Min: 100, Max: 10000, Log: true},
	},
	Describe: "Animation of the run: the limiter's slots and who holds each, the queue of callers waiting in arrival order, " +
		"and the callers that left. The event log below gives the same in words.",
}

// params is a preset: every parameter the presets are about.
func params(rate, maxSlots, timeout, failRate string) map[string]string {
	return map[string]string{"items": "40", "rate": rate, "max": maxSlots, "timeout": timeout,
		"work_ms_min": "100", "work_ms_max": "500", "fail_rate": failRate}
}

// Life counts a caller as queued while it waits and running while it holds
// a slot.
func Life(k event.Kind) view.Step {
	switch k {
	case event.Queued:
		return view.StepQueue
	case event.Acquired, event.Granted:
		return view.StepStart
	case event.Released, event.GaveUp:
		return view.StepEnd
	}
	return view.StepNone
}

// Words says a limiter event in words.
func Words(r event.Record) string {
	who := "caller " + strconv.Itoa(int(r.ID))
	if r.ID < 0 {
		who = "a caller"
	}
	slot := ""
	if r.Slot >= 0 {
		slot = " slot " + strconv.Itoa(int(r.Slot))
	}
	var s string
	switch r.Kind {
	case event.Acquired:
		s = who + " took" + slot + " at once"
	case event.Queued:
		s = who + " queued, number " + strconv.Itoa(int(r.N)) + " in line"
	case event.Granted:
		s = who + " was handed" + slot + " by a release"
	case event.Released:
		s = who + " released" + slot
	case event.GaveUp:
		s = who + " gave up waiting"
	default:
		return view.Words(r)
	}
	if d, _, _ := strings.Cut(r.Detail, "\n"); d != "" { // a panic's stack is for the exports
		s += ": " + d
	}
	return s
}
