package tasksview

import (
	"strconv"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Kit is the tasks scenario's entry in package visuals.
var Kit = view.Kit{
	New: New,
	Legend: []view.Key{
		{Role: view.RoleRunning, Text: "task running"},
		{Role: view.RoleOK, Text: "ok"},
		{Role: view.RoleCrashed, Text: "crash (panic)"},
		{Role: view.RoleFailed, Text: "error returned"},
		{Role: view.RoleCancelled, Text: "lost with the program"},
		{Role: view.RoleAlert, Text: "refused start / program death"},
		{Role: view.RoleTrack, Text: "idle lane"},
	},
	Presets: []view.Preset{
		{Name: "supervised, flaky", Params: params("supervised", "12", "infinity", "0.25")},
		{Name: "bare, flaky (program dies)", Params: params("bare", "12", "infinity", "0.25")},
		{Name: "max_children bound", Params: map[string]string{"mode": "supervised", "items": "40", "interval_ms": "30",
			"max_children": "4", "work_ms_min": "100", "work_ms_max": "400", "fail_rate": "0.1", "seed": "1"}},
		{Name: "healthy", Params: params("supervised", "12", "infinity", "0")},
		{Name: "transient: restarted after a crash", Params: restart("transient", "0.25")},
		{Name: "permanent: restarted until it gives up", Params: restart("permanent", "0")},
	},
	// As crashes become likelier, supervised tasks lose only the ones that
	// crashed; bare goroutines lose everything after the first.
	Sweep: view.Sweep{Param: "fail_rate", Values: []string{"0", "0.02", "0.05", "0.1", "0.15", "0.2", "0.3", "0.5"}, Figure: "ok",
		Plots: []view.Plot{
			{Key: view.PlotThroughput, Title: "tasks done per second", Unit: "results and crashes, per virtual s"},
			{Key: view.PlotP99, Title: "p99 run time of a task", Unit: "ms from its start to its end"},
			{Key: "ok", Title: "tasks that returned", Unit: "results the caller got"},
		}},
	Life:  Life,
	Words: Words,
	Still: view.Last, // the time axis holds the whole run
	Knobs: []view.Knob{
		{Param: "mode"},
		{Param: "fail_rate", Min: 0, Max: 1},
		{Param: "items", Min: 1, Max: 100},
	},
	Describe: "Animation of the run: each task a bar on a time axis, ending green when it returned, red when it panicked, " +
		"grey when the program died under it; refused starts and the program's death are marked in the alert colour. " +
		"The event log below gives the same in words.",
}

// params is a preset on the page's default workload.
func params(mode, items, maxChildren, failRate string) map[string]string {
	return map[string]string{"mode": mode, "items": items, "interval_ms": "60", "max_children": maxChildren,
		"work_ms_min": "200", "work_ms_max": "900", "fail_rate": failRate, "seed": "1"}
}

// restart is a preset whose tasks run under a restart policy.
func restart(policy, failRate string) map[string]string {
	p := params("supervised", "12", "infinity", failRate)
	p["restart"] = policy
	return p
}

// Life is a task's life for the charts and exports: started, then
// returned, panicked, or lost when a bare goroutine's panic ended the
// program (the panicking task itself ends with scenario.Died).
func Life(k event.Kind) view.Step {
	switch k {
	case event.Started:
		return view.StepStart
	case event.Finished, event.Failed, event.Panicked, scenario.Died, event.Cancelled:
		return view.StepEnd
	}
	return view.StepNone
}

// Words says an event of the tasks scenario in words.
func Words(r event.Record) string {
	who := "task " + strconv.Itoa(int(r.ID))
	switch r.Kind {
	case event.Refused:
		return "a start was refused: " + r.Detail
	case scenario.Died:
		return who + " panicked in a bare goroutine: the whole program died"
	case event.Cancelled:
		if r.Detail != "" {
			return who + " was " + r.Detail
		}
	case event.Panicked:
		return who + " crashed (panic), contained by its supervisor"
	case event.Restarted:
		return who + " is started again by its restart policy (restart " + strconv.Itoa(int(r.N)) + " within 5 s)"
	case event.IntensityReached:
		return "THE SUPERVISOR GAVE UP: " + r.Detail + "; every task is cancelled"
	}
	return view.WordsFor("task", r)
}

// marks are the run's notable events: crashes, refusals, the death.
func marks(trace []event.Record) []view.Mark {
	var out []view.Mark
	for _, r := range trace {
		m := view.Mark{T: view.Millis(r.At)}
		switch r.Kind {
		case event.Panicked:
			m.Label, m.Role = "task "+strconv.Itoa(int(r.ID))+" crashed, contained", view.RoleCrashed
		case scenario.Died:
			m.Label, m.Role = "task "+strconv.Itoa(int(r.ID))+" panicked: the program died", view.RoleAlert
		case event.Refused:
			m.Label, m.Role = "a start was refused", view.RoleAlert
		case event.IntensityReached:
			m.Label, m.Role = "too many restarts: the supervisor gave up", view.RoleAlert
		default:
			continue
		}
		out = append(out, m)
	}
	return out
}
