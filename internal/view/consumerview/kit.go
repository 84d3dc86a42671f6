// Package consumerview is the visual of the consumer supervisor: a
// producer's jobs, a child for each, and max_demand as the cap on how many
// children are alive at once, drawn as the children alive over time
// against that cap and as a lane for each place it allows, so that a
// crash reads as one job's outcome while the other lanes go on.
package consumerview

import (
	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Kit is the consumer scenario's entry in package visuals.
var Kit = view.Kit{
	New: New,
	Legend: []view.Key{
		{Role: view.RolePulled, Text: "job made, no child yet"},
		{Role: view.RoleRunning, Text: "child at work"},
		{Role: view.RoleOK, Text: "job done"},
		{Role: view.RoleFailed, Text: "error returned"},
		{Role: view.RoleCrashed, Text: "crash (panic)"},
		{Role: view.RoleRestart, Text: "restarted child"},
		{Role: view.RoleCancelled, Text: "stopped with the pipeline"},
		{Role: view.RoleAlert, Text: "max_demand (the cap), give-up"},
	},
	Presets: []view.Preset{
		{Name: "four at a time", Params: params("40", "4", "0", "temporary", "0.1")},
		{Name: "one at a time", Params: params("12", "1", "0", "temporary", "0.1")},
		{Name: "sixteen at a time", Params: params("80", "16", "0", "temporary", "0.1")},
		{Name: "refill in halves (min_demand 4)", Params: params("40", "8", "4", "temporary", "0")},
		{Name: "transient: failed jobs run again", Params: with(params("40", "4", "0", "transient", "0.15"), "max_restarts", "20")},
		{Name: "too flaky: the supervisor gives up", Params: params("200", "4", "0", "transient", "0.4")},
	},
	Sweep: view.Sweep{Param: "max_demand", Values: []string{"1", "2", "4", "8", "16", "32"}, Figure: "virtual_ms",
		Plots: []view.Plot{
			{Key: view.PlotThroughput, Title: "jobs ended per second", Unit: "children ended, per virtual s"},
			{Key: "virtual_ms", Title: "time for every job", Unit: "virtual s to the end", Scale: 0.001},
			{Key: "max_concurrent", Title: "most children at once", Unit: "children alive together"},
		}},
	Life:  Life,
	Words: Words,
	Knobs: []view.Knob{
		{Param: "max_demand", Min: 1, Max: 32},
		{Param: "restart"},
		{Param: "fail_rate", Min: 0, Max: 1},
	},
	Describe: "Animation of the run: the producer's jobs as a bar, the children alive over time against max_demand, " +
		"and each child in its lane from start to end, coloured by how it ended. The event log below gives the same in words.",
}

// params sets what the presets are about, and the rest at the defaults:
// work of 100 to 600 ms, 3 restarts in 5 s.
func params(jobs, maxDemand, minDemand, restart, failRate string) map[string]string {
	p := map[string]string{"jobs": jobs, "max_demand": maxDemand, "min_demand": minDemand, "restart": restart,
		"fail_rate": failRate, "work_ms_min": "100", "work_ms_max": "600", "max_restarts": "3", "max_seconds": "5"}
	return p
}

// with is p with one more parameter set.
func with(p map[string]string, k, v string) map[string]string {
	p[k] = v
	return p
}

// Life counts a child's work on its job as a unit: it starts when the
// child begins and ends when the child does.
func Life(k event.Kind) view.Step {
	switch k {
	case scenario.JobBegan:
		return view.StepStart
	case scenario.JobEnded:
		return view.StepEnd
	}
	return view.StepNone
}
