package timeoutview

import (
	"strconv"

	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Kit is the timeout scenario's entry in package visuals.
var Kit = view.Kit{
	New: New,
	Legend: []view.Key{
		{Role: view.RoleTrack, Text: "yield window"},
		{Role: view.RoleDeadline, Text: "deadline"},
		{Role: view.RoleRunning, Text: "task running"},
		{Role: view.RoleOK, Text: "reply in time"},
		{Role: view.RoleCancelled, Text: "cancelled, in its grace"},
		{Role: view.RoleTimedOut, Text: "timed out, stopped"},
		{Role: view.RoleLate, Text: "late reply, kept"},
		{Role: view.RoleAbandoned, Text: "abandoned (dashes: goroutine still running)"},
		{Role: view.RoleCrashed, Text: "crash (panic)"},
	},
	Presets: []view.Preset{
		{Name: "healthy", Params: params("2000", "300", "0", "0")},
		{Name: "tight deadline", Params: params("300", "300", "0", "0")},
		{Name: "stubborn tasks", Params: params("400", "300", "0.5", "0")},
		{Name: "brutal kill", Params: params("400", "0", "0.3", "0")},
		{Name: "yield_many, shut the rest down", Params: many("shutdown")},
		{Name: "yield_many, ignore the rest", Params: many("ignore")},
	},
	Sweep: view.Sweep{Param: "timeout", Values: []string{"100", "200", "300", "400", "500", "600", "800", "1000", "1200", "1500"}, Figure: "timed_out",
		Plots: []view.Plot{
			{Key: view.PlotThroughput, Title: "tasks ended per second", Unit: "answered or shut down, per virtual s"},
			{Key: view.PlotP99, Title: "p99 time a task held on", Unit: "ms from its start to its end or kill"},
			{Key: "timed_out", Title: "callers that timed out", Unit: "yields that ran out before a reply", Role: view.RoleTimedOut},
		}},
	Life:  Life,
	Words: Words,
	Still: view.Last, // the time axis holds the whole run
	Knobs: []view.Knob{
		{Param: "timeout", Min: 50, Max: 3000},
		{Param: "shutdown", Min: 0, Max: 1500},
		{Param: "stubborn_rate", Min: 0, Max: 1},
	},
	Describe: "Animation of the run: each task on a time axis with its caller's yield window up to the deadline, " +
		"the task running, its shutdown grace, and a mark where the caller got its answer; an abandoned task's " +
		"goroutine runs on, dashed, until it returns by itself. The event log below gives the same in words.",
}

// params is a preset on the page's default workload.
func params(timeout, shutdown, stubborn, failRate string) map[string]string {
	return map[string]string{"items": "10", "interval_ms": "100", "timeout": timeout, "shutdown": shutdown,
		"work_ms_min": "100", "work_ms_max": "1200", "stubborn_rate": stubborn, "fail_rate": failRate, "seed": "1"}
}

// many is a preset with one caller that yields on every task at once.
func many(onTimeout string) map[string]string {
	p := params("600", "300", "0.2", "0")
	p["caller"], p["on_timeout"] = "yield_many", onTimeout
	return p
}

// Life is a task's life as its caller sees it, for the charts and
// exports: from its start to the caller's answer, the reply or the
// abandonment, whichever comes first. An abandoned goroutine may run on;
// the visual shows that, the charts count the wait.
func Life(k event.Kind) view.Step {
	switch k {
	case event.Started:
		return view.StepStart
	case event.Finished, event.Failed, event.Panicked, event.Abandoned:
		return view.StepEnd
	}
	return view.StepNone
}

// Words says an event of the timeout scenario in words.
func Words(r event.Record) string {
	who := "task " + strconv.Itoa(int(r.ID))
	switch r.Kind {
	case event.StillRunning:
		return who + ": its caller's yield ran out, the caller shuts it down"
	case event.Cancelled:
		return who + " was told to stop (its context cancelled)"
	case event.Late:
		return who + ": its reply arrived during the shutdown and is kept"
	case event.TimedOut:
		return who + " timed out: its caller gets a timeout error"
	case event.Abandoned:
		return who + " was abandoned: its grace ran out, its goroutine runs on"
	case event.Ignored:
		return who + ": no reply in time, so its caller ignores it: it runs on, and its reply goes to no one"
	}
	return view.WordsFor("task", r)
}

// marks are the notable events: timeouts, late replies, abandonments,
// crashes, and abandoned goroutines returning by themselves.
func marks(trace []event.Record) []view.Mark {
	var out []view.Mark
	gone := map[int32]bool{}
	for _, r := range trace {
		who := "task " + strconv.Itoa(int(r.ID))
		m := view.Mark{T: view.Millis(r.At)}
		switch r.Kind {
		case event.TimedOut:
			m.Label, m.Role = who+" timed out", view.RoleTimedOut
		case event.Late:
			m.Label, m.Role = who+": late reply kept", view.RoleLate
		case event.Abandoned:
			gone[r.ID] = true
			m.Label, m.Role = who+" abandoned", view.RoleAbandoned
		case event.Panicked:
			m.Label, m.Role = who+" crashed", view.RoleCrashed
		case event.Finished, event.Failed:
			if !gone[r.ID] {
				continue
			}
			m.Label, m.Role = who+" returned by itself, long abandoned", view.RoleAbandoned
		default:
			continue
		}
		out = append(out, m)
	}
	return out
}
