// Package spawnview is the visual of "don't spawn unbounded": the same
// request stream handled by a goroutine per request or by at most max
// handlers, drawn as live goroutines and the memory they hold over time,
// so that changing the mode alone shows one pile onto the database until
// the process runs out of memory, and the other stay flat while requests
// wait as plain data or are turned away.
package spawnview

import (
	"strconv"

	"github.com/concurrency-patterns/playground/internal/scenario"
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
		{Role: view.RoleCrashed, Text: "memory budget, out of memory"},
	},
	Presets: []view.Preset{
		{Name: "light load", Params: params("unbounded", "20", "8", "40")},
		{Name: "heavy load, unbounded", Params: params("unbounded", "1000", "8", "40")},
		{Name: "heavy load, bounded", Params: params("bounded", "1000", "8", "40")},
		{Name: "bounded, too many handlers", Params: params("bounded", "400", "200", "40")},
		{Name: "bounded, no limit on the queue", Params: params("bounded", "400", "8", scenario.Infinity)},
	},
	Sweep: view.Sweep{Param: "rate", Values: []string{"25", "50", "100", "200", "400", "800", "1600"}, Figure: "max_memory_kb",
		Plots: []view.Plot{
			{Key: view.PlotThroughput, Title: "requests served per second", Unit: "answered, per virtual s", Role: view.RoleRunning},
			{Key: view.PlotP99, Title: "p99 response time", Unit: "ms from arrival to answer"},
			{Key: "max_memory_kb", Title: "peak memory", Unit: "kB held by the handlers at once", Role: view.RoleRunning},
		}},
	Life:  Life,
	Words: Words,
	Knobs: []view.Knob{
		{Param: "mode"},
		{Param: "rate", Min: 10, Max: 2000, Log: true},
		{Param: "max", Min: 1, Max: 200},
	},
	Describe: "Animation of the run: live handler goroutines and the memory they hold over time, " +
		"with the bound and the memory budget as lines, and the requests waiting. The event log below gives the same in words.",
}

func params(mode, rate, maxHandlers, queue string) map[string]string {
	return map[string]string{"mode": mode, "rate": rate, "max": maxHandlers, "queue": queue, "duration_ms": "2000",
		"work_ms_min": "20", "work_ms_max": "200", "db_capacity": "8", "memory_mb": "16"}
}

// Life counts a request as queued from its arrival and running while a
// goroutine handles it; a shed request never queued.
func Life(k event.Kind) view.Step {
	switch k {
	case scenario.RequestArrived:
		return view.StepQueue
	case scenario.HandlerStarted:
		return view.StepStart
	case scenario.HandlerDone, scenario.RequestShed:
		return view.StepEnd
	}
	return view.StepNone
}

// Words says a spawning event in words, and the limiter's events that
// bounded mode adds.
func Words(r event.Record) string {
	req := "request " + strconv.Itoa(int(r.ID))
	switch r.Kind {
	case scenario.RequestArrived:
		if r.N > 0 {
			return req + " arrived and waits (" + strconv.Itoa(int(r.N)) + " waiting)"
		}
		return req + " arrived"
	case scenario.RequestShed:
		return req + " was turned away: the queue is full (" + strconv.Itoa(int(r.N)) + " waiting)"
	case scenario.HandlerStarted:
		return "a goroutine started for " + req + ": " + strconv.Itoa(int(r.N)) + " live"
	case scenario.HandlerDone:
		return "the goroutine of " + req + " answered and returned: " + strconv.Itoa(int(r.N)) + " live"
	case scenario.OutOfMemory:
		return view.FirstLine(r.Detail)
	case event.Acquired, event.Granted:
		return "the dispatcher took a handler slot for " + req
	case event.Queued:
		return "the dispatcher waits for a handler slot for " + req
	case event.Released:
		return "a handler slot came free"
	}
	return view.Words(r)
}
