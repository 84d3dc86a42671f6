package scenario

import (
	"math"
	"slices"
	"time"

	"github.com/concurrency-patterns/playground/patterns/event"
)

// summarizeSpawn counts requests by their fate, takes the 99th percentile
// of the served ones' time from arrival to answer, and measures
// goroutines, waiting requests and memory at the end of each instant of
// virtual time, so that a request queued and dispatched at the same
// instant does not count as waiting.
func summarizeSpawn(v Values, trace []event.Record) map[string]float64 {
	s := map[string]float64{}
	live, waiting := 0, 0
	bounded := v.String("mode") == "bounded"
	arrived := map[int32]time.Duration{}
	var answered []float64
	for i, r := range trace {
		switch r.Kind {
		case RequestArrived:
			s["requests"]++
			arrived[r.ID] = r.At
			if r.N > 0 { // queued: bounded mode
				waiting++
			}
		case RequestShed:
			s["requests"]++
			s["shed"]++
		case HandlerStarted:
			live++
			if bounded {
				waiting--
			}
		case HandlerDone:
			live--
			s["served"]++
			answered = append(answered, ms(r.At-arrived[r.ID]))
		case OutOfMemory:
			s["crashed"] = 1
			s["failed"] = float64(live + waiting)
		}
		if i+1 < len(trace) && trace[i+1].At == r.At {
			continue // the instant is not over
		}
		s["max_goroutines"] = max(s["max_goroutines"], float64(live))
		s["max_waiting"] = max(s["max_waiting"], float64(waiting))
		s["max_memory_kb"] = max(s["max_memory_kb"], float64(SpawnMemoryKB(live, waiting)))
	}
	s["p99_ms"] = percentile(answered, 99)
	return s
}

// percentile is the p-th percentile (nearest rank) of values, 0 for none.
func percentile(values []float64, p float64) float64 {
	if len(values) == 0 {
		return 0
	}
	sorted := slices.Clone(values)
	slices.Sort(sorted)
	rank := int(math.Ceil(p/100*float64(len(sorted)))) - 1
	return sorted[min(max(rank, 0), len(sorted)-1)]
}
