package consumerview

import (
	"strconv"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/internal/view/stageview"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Words says a consumer event in words: the children's own, the
// supervisor's, and the stage events of the producer and the supervisor.
func Words(r event.Record) string {
	job := "job " + strconv.Itoa(int(r.ID))
	switch r.Kind {
	case scenario.JobBegan:
		s := "a child began " + job + " in lane " + strconv.Itoa(int(r.Slot))
		if r.N > 0 {
			s += " (run " + strconv.Itoa(int(r.N)+1) + ")"
		}
		return s
	case scenario.JobEnded:
		switch outcomeOf(r.Detail) {
		case view.OK:
			return "the child of " + job + " finished it"
		case view.Cancelled:
			return "the child of " + job + " was stopped with the pipeline"
		}
		return "the child of " + job + " failed: " + view.FirstLine(r.Detail)
	case event.EventChildStarted:
		return "the supervisor started a child: " + strconv.Itoa(int(r.N)) + " alive"
	case event.EventChildExited:
		s := "a child exited: " + strconv.Itoa(int(r.N)) + " alive"
		if r.Detail != "" {
			s += " (" + view.FirstLine(r.Detail) + ")"
		}
		return s
	case event.EventChildRestarted:
		return "the supervisor runs the failed child again for its job (" + view.Plural(int(r.N), "restart") + " in the period)"
	case event.DemandAsked:
		return "the supervisor asked the producer for " + view.Plural(int(r.N), "job")
	case event.EventsDispatched:
		return "the producer sent " + view.Plural(int(r.N), "job") + " to the supervisor"
	case event.EventsProduced:
		return "the producer made " + view.Plural(int(r.N), "job")
	case event.StageFailed:
		if r.ID == 1 {
			return "the supervisor gave up: " + view.FirstLine(r.Detail)
		}
	case event.Subscribed:
		return "the supervisor subscribed to the producer, max demand " + strconv.Itoa(int(r.N))
	}
	return stageview.Words(r)
}
