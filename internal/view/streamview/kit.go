package streamview

import (
	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Kit is the stream's entry in package visuals.
var Kit = view.Kit{
	New: New,
	Legend: []view.Key{
		{Role: view.RoleWaiting, Text: "waiting input"},
		{Role: view.RolePulled, Text: "input taken, task not started"},
		{Role: view.RoleRunning, Text: "running task"},
		{Role: view.RoleOK, Text: "ok"},
		{Role: view.RoleFailed, Text: "error"},
		{Role: view.RoleCrashed, Text: "crash (panic)"},
		{Role: view.RoleTimedOut, Text: "timed out"},
		{Role: view.RoleCancelled, Text: "cancelled"},
		{Role: view.RoleAbandoned, Text: "abandoned"},
		{Role: view.RoleAlert, Text: "the stream halted"},
	},
	Presets: presets,
	// The run's length falls as the bound rises, until every input has a
	// slot and the slowest task alone sets it: a knee, then a plateau.
	Sweep: view.Sweep{Param: "max_concurrency", Figure: "virtual_ms",
		Values: []string{"1", "2", "3", "4", "6", "8", "12", "16", "24", "32", "48", "64"},
		Plots: []view.Plot{
			{Key: view.PlotThroughput, Title: "tasks done per second", Unit: "results, per virtual s"},
			{Key: view.PlotP99, Title: "p99 wait for a result", Unit: "ms from the run's start to a result"},
			{Key: "virtual_ms", Title: "length of the whole run", Unit: "virtual s until the last result", Scale: 0.001, Role: view.RoleRunning},
		}},
	// Every input is there from the start; pulling one is part of starting
	// its task, not a queue of its own.
	Life: func(k event.Kind) view.Step {
		if k == event.Pulled {
			return view.StepNone
		}
		return view.TaskLife(k)
	},
	Upfront: func(v scenario.Values) int { return v.Int("items") },
	Knobs: []view.Knob{
		{Param: "max_concurrency", Min: 1, Max: 64},
		{Param: "ordered"},
		{Param: "items", Min: 1, Max: 2000, Log: true},
	},
	Describe: "Animation of the run: inputs waiting, tasks running in their slots, results leaving. The event log and the summary below give the same in words.",
}

// presets are the stream's named situations. Each sets every parameter it
// is about, so that picking one after another gives the same run whatever
// was picked before.
var presets = []view.Preset{
	{Name: "healthy", Params: map[string]string{
		"items": "30", "max_concurrency": "4", "ordered": "true", "timeout": "5000", "on_timeout": "exit",
		"work_ms_min": "50", "work_ms_max": "400", "fail_rate": "0"}},
	{Name: "overloaded", Params: map[string]string{
		"items": "400", "max_concurrency": "4", "ordered": "true", "timeout": "5000", "on_timeout": "exit",
		"work_ms_min": "100", "work_ms_max": "900", "fail_rate": "0"}},
	{Name: "flaky worker", Params: map[string]string{
		"items": "60", "max_concurrency": "6", "ordered": "true", "timeout": "5000", "on_timeout": "exit",
		"work_ms_min": "50", "work_ms_max": "400", "fail_rate": "0.2"}},
	{Name: "slow tail, kill_task", Params: map[string]string{
		"items": "60", "max_concurrency": "6", "ordered": "false", "timeout": "250", "on_timeout": "kill_task",
		"work_ms_min": "50", "work_ms_max": "400", "fail_rate": "0"}},
	{Name: "first timeout exits", Params: map[string]string{
		"items": "60", "max_concurrency": "6", "ordered": "true", "timeout": "250", "on_timeout": "exit",
		"work_ms_min": "50", "work_ms_max": "400", "fail_rate": "0"}},
	{Name: "under a task supervisor", Params: map[string]string{
		"items": "30", "max_concurrency": "4", "max_children": "4", "ordered": "true", "timeout": "5000",
		"on_timeout": "exit", "work_ms_min": "50", "work_ms_max": "400", "fail_rate": "0"}},
	{Name: "max_children below max_concurrency", Params: map[string]string{
		"items": "30", "max_concurrency": "4", "max_children": "3", "ordered": "true", "timeout": "5000",
		"on_timeout": "exit", "work_ms_min": "50", "work_ms_max": "400", "fail_rate": "0"}},
}
