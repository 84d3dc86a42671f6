package supview

import (
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Kit is the supervisor's entry in package visuals.
var Kit = view.Kit{
	New: New,
	Legend: []view.Key{
		{Role: view.RoleRunning, Text: "running child"},
		{Role: view.RoleOK, Text: "normal exit"},
		{Role: view.RoleFailed, Text: "crash: error"},
		{Role: view.RoleCrashed, Text: "crash: panic"},
		{Role: view.RoleCancelled, Text: "shut down"},
		{Role: view.RoleAbandoned, Text: "abandoned"},
		{Role: view.RoleRestart, Text: "restart"},
		{Role: view.RoleWindow, Text: "the restart window (max_seconds)"},
		{Role: view.RoleAlert, Text: "limit hit: gave up, window full, start refused"},
	},
	Presets: presets,
	// A small intensity gives up after a few restarts; a big enough one
	// absorbs every exit the run brings and never gives up.
	Sweep: view.Sweep{Param: "max_restarts", Values: []string{"0", "1", "2", "3", "4", "6", "8", "12", "16", "24", "32"}, Figure: "restarts",
		Plots: []view.Plot{
			{Key: "virtual_ms", Title: "how long the supervisor lasted", Unit: "virtual s, until it gave up or the end", Scale: 0.001, Role: view.RoleRunning},
			{Key: "restarts", Title: "restarts it made", Unit: "children started again after an exit", Role: view.RoleRestart},
			{Key: "crashes", Title: "crashes it rode out", Unit: "runs that ended in an error or a panic", Role: view.RoleCrashed},
		}},
	Life:  Life,
	Still: view.Last, // the time axis holds the whole run
	Words: Words,
	Knobs: []view.Knob{
		{Param: "fail_rate", Min: 0, Max: 1},
		{Param: "max_restarts", Min: 0, Max: 20},
		{Param: "restart"},
	},
	Describe: "Animation of the run: one lane per child, each run a span coloured by how it ended, ticks where the " +
		"supervisor restarted a child, the restart window filling up, and the moment the supervisor gives up. " +
		"The event log below gives the same in words.",
}

// Life makes each run of a child a unit of work for the charts and the
// exports: from its start to its exit, crash, shutdown or abandonment.
func Life(k event.Kind) view.Step {
	switch k {
	case event.ChildStarted:
		return view.StepStart
	case event.ChildExited, event.ChildCrashed, event.ChildShutdown, event.ChildAbandoned,
		event.ChildStartFailed, event.ChildIgnored:
		return view.StepEnd
	}
	return view.StepNone
}

// presets are the supervisor's named situations; each sets every
// parameter it is about, so that the order they are picked in does not
// matter.
var presets = []view.Preset{
	{Name: "steady", Params: map[string]string{
		"children": "4", "max_children": "0", "restart": "permanent", "max_restarts": "3", "max_seconds": "5",
		"work_ms_min": "10000", "work_ms_max": "30000", "fail_rate": "0.1", "stubborn_rate": "0", "shutdown": "5000",
		"duration_ms": "60000", "seed": "2"}},
	{Name: "crash loop", Params: map[string]string{
		"children": "3", "max_children": "0", "restart": "permanent", "max_restarts": "3", "max_seconds": "5",
		"work_ms_min": "1500", "work_ms_max": "6000", "fail_rate": "0.7", "stubborn_rate": "0", "shutdown": "5000",
		"duration_ms": "30000", "seed": "3"}},
	{Name: "transient workers", Params: map[string]string{
		"children": "8", "max_children": "0", "restart": "transient", "max_restarts": "5", "max_seconds": "5",
		"work_ms_min": "2000", "work_ms_max": "15000", "fail_rate": "0.3", "stubborn_rate": "0", "shutdown": "5000",
		"duration_ms": "30000", "seed": "1"}},
	{Name: "temporary workers", Params: map[string]string{
		"children": "8", "max_children": "0", "restart": "temporary", "max_restarts": "3", "max_seconds": "5",
		"work_ms_min": "2000", "work_ms_max": "25000", "fail_rate": "0.3", "stubborn_rate": "0", "shutdown": "5000",
		"duration_ms": "30000", "seed": "1"}},
	{Name: "max_children bound", Params: map[string]string{
		"children": "40", "max_children": "12", "restart": "permanent", "max_restarts": "20", "max_seconds": "5",
		"work_ms_min": "5000", "work_ms_max": "20000", "fail_rate": "0.1", "stubborn_rate": "0", "shutdown": "5000",
		"duration_ms": "30000", "seed": "1"}},
	{Name: "failing start steps", Params: map[string]string{
		"children": "6", "max_children": "0", "restart": "permanent", "max_restarts": "10", "max_seconds": "5",
		"work_ms_min": "3000", "work_ms_max": "12000", "fail_rate": "0.3", "stubborn_rate": "0", "shutdown": "5000",
		"start_fail_rate": "0.35", "duration_ms": "30000", "seed": "1"}},
	{Name: "done by themselves", Params: map[string]string{
		"children": "8", "max_children": "0", "restart": "transient", "max_restarts": "5", "max_seconds": "5",
		"work_ms_min": "2000", "work_ms_max": "15000", "fail_rate": "0.2", "stubborn_rate": "0", "shutdown": "5000",
		"shutdown_rate": "0.5", "duration_ms": "30000", "seed": "1"}},
	{Name: "stubborn children", Params: map[string]string{
		"children": "6", "max_children": "0", "restart": "permanent", "max_restarts": "3", "max_seconds": "5",
		"work_ms_min": "5000", "work_ms_max": "40000", "fail_rate": "0.05", "stubborn_rate": "0.5", "shutdown": "2000",
		"duration_ms": "20000", "seed": "1"}},
}
