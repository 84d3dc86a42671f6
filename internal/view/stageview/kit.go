package stageview

import (
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Kit is the stage scenario's entry in package visuals.
var Kit = view.Kit{
	New: New,
	Legend: []view.Key{
		{Role: roleDemand, Text: "demand asked, not yet met"},
		{Role: roleSent, Text: "events sent, waiting (and buffered)"},
		{Role: roleInCall, Text: "events in a call"},
		{Role: roleDone, Text: "processed; a batch flushed full, or the last"},
		{Role: roleTimeout, Text: "batch flushed on timeout"},
		{Role: roleCrash, Text: "failed call"},
		{Role: roleDrop, Text: "dropped by the buffer"},
	},
	Presets: presets,
	// Pulling on demand (rate 0) keeps the buffer empty; pushing faster
	// than the processors keep up fills it, up to buffer_size: a knee at
	// their pace.
	Sweep: view.Sweep{Param: "rate", Values: []string{"0", "5", "10", "20", "40", "80", "160"}, Figure: "max_buffer",
		Plots: []view.Plot{
			{Key: view.PlotThroughput, Title: "deliveries per second", Unit: "events sent to a stage and handled"},
			{Key: view.PlotP99, Title: "p99 time of a delivery", Unit: "ms from sending to the stage's return"},
			{Key: "max_buffer", Title: "fullest the buffer got", Unit: "events the producer held at once", Role: roleSent},
		}},
	Life:  Life,
	Words: Words,
	Knobs: []view.Knob{
		{Param: "rate", Min: 0, Max: 100},
		{Param: "buffer_size", Min: 0, Max: 10000, Log: true},
		{Param: "consumers", Min: 1, Max: 16},
	},
	Describe: "Animation of the run: the producer's buffer at the top, demand pulses going up to it and events coming down " +
		"to each processor, each processor's gauge of demand owed, events waiting and events in its call, and the batcher " +
		"filling and flushing batches at the bottom. The event log gives the same in words.",
}

// Life says what the charts and the Chrome export count as a unit of work:
// a delivery. It starts when a stage is sent events and ends when its next
// call returns (handled or failed); events sent while it is open join it.
// The trace reports counts, not single events, so this is the finest unit
// it allows.
func Life(k event.Kind) view.Step {
	switch k {
	case event.EventsDispatched:
		return view.StepStart
	case event.EventsProcessed, event.StageFailed:
		return view.StepEnd
	}
	return view.StepNone
}

// presets are the stage's named situations; each sets every parameter it
// is about, so picking one after another gives the same run.
var presets = []view.Preset{
	{Name: "pull on demand", Params: params(map[string]string{})},
	{Name: "push overload (drops)", Params: params(map[string]string{"items": "400", "rate": "40", "buffer_size": "20"})},
	{Name: "push, big buffer (memory grows)", Params: params(map[string]string{"items": "400", "rate": "40", "buffer_size": "10000"})},
	{Name: "tiny demand (chatty)", Params: params(map[string]string{"max_demand": "2", "min_demand": "1", "work_ms_min": "20", "work_ms_max": "80"})},
	{Name: "big batches (timeouts)", Params: params(map[string]string{"items": "300", "batch_size": "100", "batch_timeout": "2000"})},
	{Name: "flaky processor", Params: params(map[string]string{"fail_rate": "0.1"})},
}

// params is the pull-on-demand workload with the given changes.
func params(change map[string]string) map[string]string {
	p := map[string]string{"items": "200", "rate": "0", "max_demand": "10", "min_demand": "5", "buffer_size": "10000",
		"consumers": "4", "batch_size": "20", "batch_timeout": "1000", "work_ms_min": "50", "work_ms_max": "400", "fail_rate": "0"}
	for k, v := range change {
		p[k] = v
	}
	return p
}
