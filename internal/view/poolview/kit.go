// Package poolview is the worker pool's visual: size workers plus the
// overflow room, each idle or busy with its caller, overflow workers in
// their own colour, the callers waiting for a checkout in FIFO order,
// timeouts, and dead workers.
package poolview

import (
	"strconv"
	"strings"

	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Kit is the pool's entry in package visuals.
var Kit = view.Kit{
	New: New,
	Legend: []view.Key{
		{Role: view.RolePulled, Text: "idle worker"},
		{Role: view.RoleRunning, Text: "busy worker"},
		{Role: view.RoleOverflow, Text: "busy overflow worker"},
		{Role: view.RoleWaiting, Text: "waiting caller"},
		{Role: view.RoleOK, Text: "served"},
		{Role: view.RoleCrashed, Text: "worker died"},
		{Role: view.RoleTimedOut, Text: "wait used / timed out"},
	},
	Presets: []view.Preset{
		{Name: "healthy", Params: params("10", "5", "10", "lifo", "5000", "0")},
		{Name: "overflow", Params: params("40", "5", "10", "lifo", "5000", "0")},
		{Name: "full, callers time out", Params: params("60", "3", "2", "lifo", "600", "0")},
		{Name: "fifo vs lifo", Params: params("12", "5", "0", "fifo", "5000", "0")},
		{Name: "dying workers", Params: params("30", "5", "5", "lifo", "5000", "0.25")},
	},
	// The line of callers shortens as workers are added, until size plus
	// overflow covers what the load needs at once and nobody waits.
	Sweep: view.Sweep{Param: "size", Values: []string{"1", "2", "3", "4", "6", "8", "12", "16", "24"}, Figure: "max_waiting",
		Plots: []view.Plot{
			{Key: view.PlotThroughput, Title: "callers served per second", Unit: "checkouts that ended, per virtual s"},
			{Key: view.PlotP99, Title: "p99 time of a caller", Unit: "ms from asking for a worker to done"},
			{Key: "max_waiting", Title: "longest line for a worker", Unit: "callers waiting at once", Role: view.RoleWaiting},
		}},
	Life:  Life,
	Words: Words,
	Knobs: []view.Knob{
		{Param: "size", Min: 1, Max: 20},
		{Param: "max_overflow", Min: 0, Max: 20},
		{Param: "rate", Min: 1, Max: 100},
	},
	Describe: "Animation of the run: the pool's workers, idle or busy with a caller, the overflow workers, " +
		"the callers waiting for a checkout, and the callers that left. The event log below gives the same in words.",
}

func params(rate, size, overflow, strategy, timeout, failRate string) map[string]string {
	return map[string]string{"items": "60", "rate": rate, "size": size, "max_overflow": overflow, "strategy": strategy,
		"timeout": timeout, "work_ms_min": "100", "work_ms_max": "500", "fail_rate": failRate}
}

// Life counts a caller as queued while it waits for a checkout and running
// while it holds a worker.
func Life(k event.Kind) view.Step {
	switch k {
	case event.CheckoutWaiting:
		return view.StepQueue
	case event.CheckedOut:
		return view.StepStart
	case event.CheckedIn, event.WorkerDied, event.CheckoutFailed:
		return view.StepEnd
	}
	return view.StepNone
}

// Words says a pool event in words.
func Words(r event.Record) string {
	who := "caller " + strconv.Itoa(int(r.ID))
	w := "worker " + strconv.Itoa(int(r.Slot))
	var s string
	switch r.Kind {
	case event.WorkerStarted:
		s = w + " started (" + strconv.Itoa(int(r.N)) + " in the pool)"
	case event.WorkerReplaced:
		s = w + " is made for " + who + " in place of one that died"
		if r.ID < 0 {
			s = w + " is made in place of one that died, to wait idle"
		}
	case event.OverflowStarted:
		s = "overflow " + w + " is made for " + who + " (" + strconv.Itoa(int(r.N)) + " overflow)"
	case event.StartFailed:
		s = w + " could not be made"
	case event.CheckedOut:
		s = who + " checked out " + w
	case event.CheckoutWaiting:
		s = who + " waits for a worker, number " + strconv.Itoa(int(r.N)) + " in line"
	case event.CheckoutFailed:
		s = who + " got no worker"
	case event.CheckedIn:
		s = who + " checked " + w + " in"
	case event.OverflowDismissed:
		s = "overflow " + w + " dismissed: nobody waits"
	case event.WorkerDied:
		s = w + " died with " + who
	case event.WorkerStopped:
		s = w + " stopped: the pool closed"
	default:
		return view.Words(r)
	}
	if d, _, _ := strings.Cut(r.Detail, "\n"); d != "" {
		s += ": " + d
	}
	return s
}
