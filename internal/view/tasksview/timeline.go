package tasksview

import (
	"slices"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// fate is how a task's span ends.
type fate uint8

const (
	running fate = iota // not ended in the trace
	ok                  // returned
	failed              // returned its own error
	crashed             // panicked: contained under a supervisor, fatal when bare
	lost                // still running when the program died
)

// span is one task's life, in virtual ms.
type span struct {
	start, end float64
	lane       int32
	fate       fate
}

// Timeline is a trace of the tasks scenario indexed for drawing. It is
// immutable once built.
type Timeline struct {
	spans   []span    // by start
	refused []float64 // times of refused starts, ascending
	died    float64   // when the program died; view.Never if it did not
	diedID  int
	lanes   int
	times   []float64
}

// NewTimeline indexes trace. A task is drawn from its first start to its
// first end; ends without a start and repeated starts are ignored.
func NewTimeline(trace []event.Record) *Timeline {
	tl := &Timeline{died: view.Never, diedID: -1, times: view.TimesOf(trace)}
	open := map[int32]int{} // id → index in spans while running
	for _, r := range trace {
		at := view.Millis(r.At)
		switch r.Kind {
		case event.Started:
			if _, dup := open[r.ID]; dup || r.ID < 0 {
				continue
			}
			open[r.ID] = len(tl.spans)
			tl.spans = append(tl.spans, span{start: at, end: view.Never})
		case event.Refused:
			tl.refused = append(tl.refused, at)
		case event.Finished, event.Failed, event.Panicked, scenario.Died, event.Cancelled, event.TimedOut:
			i, found := open[r.ID]
			if !found {
				continue
			}
			delete(open, r.ID)
			tl.spans[i].end, tl.spans[i].fate = at, fateOf(r.Kind)
			if r.Kind == scenario.Died && tl.died == view.Never {
				tl.died, tl.diedID = at, int(r.ID)
			}
		}
	}
	// A recorder's times only go up, so spans are in start order and
	// refusals in time order already.
	tl.pack()
	tl.spans, tl.refused = slices.Clone(tl.spans), slices.Clone(tl.refused) // no spare room kept
	return tl
}

func fateOf(k event.Kind) fate {
	switch k {
	case event.Finished:
		return ok
	case event.Failed:
		return failed
	case event.Panicked, scenario.Died:
		return crashed
	}
	return lost // cancelled or timed out: the scenario's lost tasks
}

// pack gives each span the first lane free by its start, so that lanes
// are as few as the most tasks alive at once.
func (tl *Timeline) pack() {
	var free []float64 // when each lane's last span ends
	for i := range tl.spans {
		s := &tl.spans[i]
		l := 0
		for l < len(free) && free[l] > s.start {
			l++
		}
		if l == len(free) {
			free = append(free, 0)
		}
		free[l], s.lane = s.end, int32(l)
	}
	tl.lanes = len(free)
}

// End is the time of the last event.
func (tl *Timeline) End() float64 {
	if len(tl.times) == 0 {
		return 0
	}
	return tl.times[len(tl.times)-1]
}

// Counts are the tasks in each state at some time.
type Counts struct {
	Running, OK, Failed, Crashed, Lost, Refused int
}

// CountsAt counts the tasks by their state at t.
func (tl *Timeline) CountsAt(t float64) Counts {
	var c Counts
	for _, s := range tl.spans {
		switch {
		case s.start > t:
			// not started yet: counted nowhere
		case s.end > t:
			c.Running++
		case s.fate == ok:
			c.OK++
		case s.fate == failed:
			c.Failed++
		case s.fate == crashed:
			c.Crashed++
		default:
			c.Lost++
		}
	}
	for _, at := range tl.refused {
		if at > t {
			break
		}
		c.Refused++
	}
	return c
}
