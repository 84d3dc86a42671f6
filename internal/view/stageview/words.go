package stageview

import (
	"strconv"

	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// stageName names a stage as the scenario numbers them: 0 is the producer,
// a stage that asks the producer is a processor; others go by number.
func stageName(id int32) string {
	if id == 0 {
		return "the producer"
	}
	return "stage " + strconv.Itoa(int(id))
}

func processor(id int32) string { return "processor " + strconv.Itoa(int(id)) }

func events(n int32) string { return view.Plural(int(n), "event") }

// Words says a stage event in words for the event log.
func Words(r event.Record) string {
	n := r.N
	switch r.Kind {
	case event.Subscribed:
		return stageName(r.ID) + " subscribed to " + stageName(r.Slot) + ", max demand " + strconv.Itoa(int(n))
	case event.DemandAsked:
		if r.Slot == 0 {
			return processor(r.ID) + " asked the producer for " + events(n)
		}
		return "the batcher asked " + processor(r.Slot) + " for " + events(n)
	case event.EventsProduced:
		if r.ID == 0 {
			return "the producer made " + events(n)
		}
		return processor(r.ID) + " passed on " + events(n)
	case event.EventsDispatched:
		if r.Slot == 0 {
			return "the producer sent " + events(n) + " to " + processor(r.ID)
		}
		return processor(r.Slot) + " sent " + events(n) + " to the batcher"
	case event.BufferLevel:
		return stageName(r.ID) + "'s buffer holds " + events(n)
	case event.EventsDropped:
		return "the producer's buffer was full: it dropped its " + strconv.Itoa(int(n)) + " oldest"
	case event.EventsProcessed:
		if r.Slot < 0 {
			return "the batcher handled a batch of " + events(n)
		}
		return processor(r.ID) + " handled " + events(n)
	case event.StageFailed:
		return stageName(r.ID) + " failed on " + events(n) + ": " + view.FirstLine(r.Detail)
	case event.BatchFlushed:
		why := map[string]string{FlushSize: "full", FlushTimeout: "on timeout", FlushDrain: "at the end"}[r.Detail]
		return "the batcher flushed a batch of " + events(n) + ", " + why
	case event.EventsDiscarded:
		return stageName(r.ID) + " discarded " + events(n) + " as the pipeline stopped"
	case event.StageDone:
		if r.Detail != "" {
			return stageName(r.ID) + " ended: " + view.FirstLine(r.Detail)
		}
		return stageName(r.ID) + " finished its work"
	case event.StageAbandoned:
		return stageName(r.ID) + " was abandoned in a call on " + events(n)
	case event.PipelineHalted:
		if r.Detail != "" {
			return "the pipeline stopped: " + view.FirstLine(r.Detail)
		}
		return "the pipeline finished"
	}
	return view.Words(r)
}

// Marks are the run's notable events: drops (a burst of them as one
// mark), failed calls, abandoned stages and a stop with a reason.
func Marks(trace []event.Record, end float64) []view.Mark {
	var out []view.Mark
	gap := max(end/100, 1) // drops closer than this to a burst's first join it
	burst := -1            // index in out of the open burst of drops
	dropped := 0
	for _, r := range trace {
		at := view.Millis(r.At)
		switch r.Kind {
		case event.EventsDropped:
			if burst >= 0 && at-out[burst].T < gap {
				dropped += int(r.N)
				out[burst].Label = events(int32(dropped)) + " dropped: buffer full"
				continue
			}
			dropped = int(r.N)
			burst = len(out)
			out = append(out, view.Mark{T: at, Role: roleDrop, Label: events(r.N) + " dropped: buffer full"})
		case event.StageFailed:
			out = append(out, view.Mark{T: at, Role: roleCrash, Label: stageName(r.ID) + " failed on " + events(r.N)})
		case event.StageAbandoned:
			out = append(out, view.Mark{T: at, Role: view.RoleAbandoned, Label: stageName(r.ID) + " abandoned"})
		case event.PipelineHalted:
			if r.Detail != "" {
				out = append(out, view.Mark{T: at, Role: view.RoleAlert, Label: "stopped: " + view.FirstLine(r.Detail)})
			}
		}
	}
	return out
}
