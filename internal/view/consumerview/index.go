package consumerview

import (
	"strconv"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// child is one child of the supervisor: a run for one job, in a lane.
type child struct {
	start, end float64 // virtual ms; end is view.Never while it runs
	job        int32
	lane       int16
	attempt    int16 // 0 for the job's first child, more for a restart
	outcome    view.Outcome
}

// counts are the supervisor's figures at one time, as the summary names
// them.
type counts struct {
	produced, started, ok, failed, restarted, stopped int32
	alive, most                                       int32
	gaveUp                                            bool
}

// index is a consumer trace reduced to its children, in start order, and
// the supervisor's counts after each instant.
type index struct {
	times    []float64
	children []child
	after    []counts // after each tick
	alive    [buckets]int32
	gaveUpAt float64 // view.Never if the supervisor held on
	giveUp   string  // its reason
	marks    []view.Mark
}

// buckets is how many columns the chart of children alive has.
const buckets = 240

func newIndex(trace []event.Record) *index {
	x := &index{times: view.TimesOf(trace), gaveUpAt: view.Never}
	x.after = make([]counts, len(x.times))
	open := map[int16]int{} // lane → index in children, while running
	var c counts
	for i, r := range trace {
		at := view.Millis(r.At)
		switch r.Kind {
		case event.EventsProduced:
			c.produced += r.N
		case event.EventChildStarted:
			c.started++
			c.alive = r.N
			c.most = max(c.most, r.N)
		case event.EventChildExited:
			c.alive = r.N
			switch r.Detail {
			case "":
				c.ok++
			case scenario.Stopped:
				c.stopped++
			default:
				c.failed++
			}
		case event.EventChildRestarted:
			c.restarted++
			c.failed-- // counted as failed when it exited, restarted since
		case event.StageFailed:
			if r.ID == 1 {
				c.gaveUp, x.gaveUpAt, x.giveUp = true, at, r.Detail
				x.marks = append(x.marks, view.Mark{T: at, Role: view.RoleAlert, Label: "the supervisor gave up: too many restarts"})
			}
		case scenario.JobBegan:
			open[int16(r.Slot)] = len(x.children)
			x.children = append(x.children, child{start: at, end: view.Never, job: r.ID, lane: int16(r.Slot), attempt: int16(r.N)})
			if r.N > 0 {
				x.marks = append(x.marks, view.Mark{T: at, Role: view.RoleRestart, Label: "job " + strconv.Itoa(int(r.ID)) + " restarted"})
			}
		case scenario.JobEnded:
			k, ok := open[int16(r.Slot)]
			if !ok {
				continue
			}
			delete(open, int16(r.Slot))
			ch := &x.children[k]
			ch.end, ch.outcome = at, outcomeOf(r.Detail)
			switch ch.outcome {
			case view.Crashed:
				x.marks = append(x.marks, view.Mark{T: at, Role: view.RoleCrashed, Label: "job " + strconv.Itoa(int(r.ID)) + " crashed (panic)"})
			case view.Failed:
				x.marks = append(x.marks, view.Mark{T: at, Role: view.RoleFailed, Label: "job " + strconv.Itoa(int(r.ID)) + " failed (error)"})
			}
		}
		if i+1 < len(trace) && trace[i+1].At == r.At {
			continue // the instant is not over
		}
		x.after[view.TickOf(x.times, at)] = c
	}
	if n := len(x.times); n > 0 {
		// A column holds the most alive at any moment of its span: the
		// count after each tick within it, and the one carried into it.
		end := max(x.times[n-1], 1e-9)
		carried, k := int32(0), 0
		for b := range buckets {
			x.alive[b] = carried
			for ; k < n && min(int(x.times[k]/end*buckets), buckets-1) == b; k++ {
				carried = x.after[k].alive
				x.alive[b] = max(x.alive[b], carried)
			}
		}
	}
	return x
}

// outcomeOf is a child's end as its job event tells it.
func outcomeOf(detail string) view.Outcome {
	switch {
	case detail == "":
		return view.OK
	case detail == scenario.Stopped:
		return view.Cancelled
	case len(detail) >= 6 && detail[:6] == "panic:":
		return view.Crashed
	}
	return view.Failed
}

// at is the counts at time t.
func (x *index) at(t float64) counts {
	k := view.TickAt(x.times, t)
	if k == 0 {
		return counts{}
	}
	return x.after[k-1]
}
