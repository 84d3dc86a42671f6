package view

import "github.com/concurrency-patterns/playground/patterns/event"

// StillOf is the moment of a run that a still picture of it shows: the
// picture a page has before its demo loads, and the frame a demo shows
// instead of playing when the reader asks for reduced motion. It is the
// kit's own [Kit.Still] when the kit has one, else [Busiest].
func (k Kit) StillOf(trace []event.Record) float64 {
	if k.Still != nil {
		return k.Still(trace)
	}
	return Busiest(trace, k.LifeOf())
}

// Busiest is the moment with the most units of work in the pattern,
// waiting or running, as life counts them: the middle one of the event
// times where that count is highest, so that a run that keeps every
// slot busy for a while is shown halfway through it, its queue part
// drained and its first results in. A trace without any unit gives its
// middle event's time, an empty one 0.
func Busiest(trace []event.Record, life Life) float64 {
	if len(trace) == 0 {
		return 0
	}
	var best []float64 // the times where the count is highest
	most, n, seen := 0, 0, false
	open := map[int32]Step{} // each unit's step so far, so that none counts twice
	for i, r := range trace {
		switch s := life(r.Kind); s {
		case StepQueue, StepStart:
			if open[r.ID] == StepNone {
				n++
			}
			open[r.ID] = s
			seen = true
		case StepEnd:
			if open[r.ID] != StepNone {
				n--
				delete(open, r.ID)
			}
		}
		if i+1 < len(trace) && trace[i+1].At == r.At {
			continue // the count at a time is the one after all its events
		}
		at := Millis(r.At)
		switch {
		case n > most:
			most, best = n, append(best[:0], at)
		case n == most && n > 0:
			best = append(best, at)
		}
	}
	if !seen || len(best) == 0 {
		return Millis(trace[len(trace)/2].At)
	}
	return best[len(best)/2]
}

// Last is the time of a trace's last event: the still of a view that draws
// a whole run on a time axis, complete at its end. An empty trace gives 0.
func Last(trace []event.Record) float64 {
	if len(trace) == 0 {
		return 0
	}
	return Millis(trace[len(trace)-1].At)
}
