// Package spawnview is the visual of "don't spawn unbounded": the same
// request stream handled by a goroutine per request or by at most max
// handlers, drawn as live goroutines and estimated memory over time, so
// that changing the mode alone shows one grow with the load and the other
// stay flat while requests wait as plain data.
package spawnview

import (
	"strconv"

	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Kit is the spawning scenario's entry in package visuals.
var Kit = view.Kit{
	New: New,
	Legend: []view.Key{
		{Role: view.RoleRunning, Text: "handler goroutine"},
		{Role: view.RoleWaiting, Text: "waiting request"},
		{Role: view.RoleAlert, Text: "max (the bound)"},
	},
	Presets: []view.Preset{
		{Name: "light load", Params: params("unbounded", "20", "20")},
		{Name: "heavy load, unbounded", Params: params("unbounded", "1000", "20")},
		{Name: "heavy load, bounded", Params: params("bounded", "1000", "20")},
		{Name: "bounded, enough handlers", Params: params("bounded", "200", "120")},
	},
	Sweep: view.Sweep{Param: "rate", Values: []string{"25", "50", "100", "200", "400", "800", "1600"}, Figure: "max_goroutines"},
	Life:  Life,
	Words: Words,
	Knobs: []view.Knob{
		{Param: "mode"},
		{Param: "rate", Min: 10, Max: 2000, Log: true},
		{Param: "max", Min: 1, Max: 200},
	},
	Describe: "Animation of the run: live handler goroutines and the estimated memory over time, " +
		"with the bound as a line, and the requests waiting. The event log below gives the same in words.",
}

func params(mode, rate, maxHandlers string) map[string]string {
	return map[string]string{"mode": mode, "rate": rate, "max": maxHandlers, "duration_ms": "2000",
		"work_ms_min": "50", "work_ms_max": "500"}
}

// Life counts a request as queued from its arrival and running while a
// goroutine handles it.
func Life(k event.Kind) view.Step {
	switch k {
	case event.RequestArrived:
		return view.StepQueue
	case event.HandlerStarted:
		return view.StepStart
	case event.HandlerDone:
		return view.StepEnd
	}
	return view.StepNone
}

// Words says a spawning event in words, and the limiter's events that
// bounded mode adds.
func Words(r event.Record) string {
	req := "request " + strconv.Itoa(int(r.ID))
	switch r.Kind {
	case event.RequestArrived:
		if r.N > 0 {
			return req + " arrived and waits (" + strconv.Itoa(int(r.N)) + " waiting)"
		}
		return req + " arrived"
	case event.HandlerStarted:
		return "a goroutine started for " + req + ": " + strconv.Itoa(int(r.N)) + " live"
	case event.HandlerDone:
		return "the goroutine of " + req + " returned: " + strconv.Itoa(int(r.N)) + " live"
	case event.Acquired, event.Granted:
		return "the dispatcher took a handler slot for " + req
	case event.Queued:
		return "the dispatcher waits for a handler slot for " + req
	case event.Released:
		return "a handler slot came free"
	}
	return view.Words(r)
}
