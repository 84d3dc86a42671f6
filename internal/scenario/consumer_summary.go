package scenario

import (
	"context"

	"github.com/concurrency-patterns/playground/patterns/event"
)

// Stopped is the exit text of a child cut short because the pipeline
// stopped (the supervisor gave up, or the run was cancelled).
var Stopped = context.Canceled.Error()

// summarizeConsumer reads the figures off the trace: the library's child
// events for the counts, which tally as started = ok + failed + restarted
// + stopped, and the children's own job events for the time each job took
// from its first child's start to its last child's end (p99_ms). Stage 0
// is the producer, stage 1 the supervisor.
func summarizeConsumer(v Values, trace []event.Record) map[string]float64 {
	s := map[string]float64{"jobs": float64(v.Int("jobs"))}
	begun, ended := map[int32]float64{}, map[int32]float64{} // a job's first start, its last end (-1: stopped)
	for _, r := range trace {
		switch r.Kind {
		case event.EventsProduced:
			s["produced"] += float64(r.N)
		case event.EventChildStarted:
			s["started"]++
			s["max_concurrent"] = max(s["max_concurrent"], float64(r.N))
		case event.EventChildExited:
			switch r.Detail {
			case "":
				s["ok"]++
			case Stopped:
				s["stopped"]++
			default:
				s["failed"]++ // less the restarted, below
			}
		case event.EventChildRestarted:
			s["restarted"]++
		case event.StageFailed:
			if r.ID == 1 {
				s["gave_up"] = 1
			}
		case JobBegan:
			if r.N == 0 {
				begun[r.ID] = ms(r.At)
			}
		case JobEnded:
			ended[r.ID] = ms(r.At)
			if r.Detail == Stopped {
				ended[r.ID] = -1
			}
		}
	}
	s["failed"] -= s["restarted"]
	took := make([]float64, 0, len(ended))
	for job, at := range ended {
		if at >= 0 {
			took = append(took, at-begun[job])
		}
	}
	s["p99_ms"] = percentile(took, 99)
	return s
}
