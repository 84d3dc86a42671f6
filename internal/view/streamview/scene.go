package streamview

import (
	"sort"
	"strconv"

	"github.com/concurrency-patterns/playground/internal/view"
)

// Scene is what the playground shows at one moment of virtual time.
type Scene struct {
	T, End  float64 // the moment shown and the run's length, virtual ms
	Ordered bool

	Queue  []Cell // inputs whose task has not started, in input order
	Lanes  []Lane // one per slot
	Buffer []Cell // finished tasks whose result has not left, in input order
	Out    []Cell // results (and cancelled tasks) in the order they left
	// Head is the first input, in input order, that has not left: in an
	// ordered stream the result every buffered one waits for. -1 when all
	// have left.
	Head int
	// OutFrom is how many earlier results Out leaves out under a limit.
	OutFrom int

	Counts Counts
	// Left counts the items that left the stream by the colour of their
	// result, when [Limits] Tally asks: the tally of a run with more
	// results than cells.
	Left   [view.RoleCount]int
	Halted bool   // the stream has stopped
	Reason string // why it stopped, when it was not exhausted
}

// Cell is one item in the queue, the buffer or the results.
type Cell struct {
	ID        int
	Pulled    bool // queue: taken from the source, waiting for a slot
	Outcome   view.Outcome
	Abandoned bool // cancelled and not returned within the shutdown time
}

// Lane is one concurrency slot.
type Lane struct {
	ID       int     // the item whose task runs here; -1 when idle
	Progress float64 // the share of the task's run done, 0 to 1
}

// Counts are exact whatever the [Limits].
type Counts struct {
	Queued   int // inputs whose task has not started
	Pulled   int // inputs taken from the source so far
	Running  int
	Buffered int
	Emitted  int // results handed to the consumer
	// Outcomes of the tasks that have ended.
	OK, Failed, Crashed, TimedOut, Cancelled int
	Abandoned                                int
}

// Limits caps how many cells a scene lists: the first Queue and Buffer
// cells, the last Out cells. Zero means no limit. A layout knows how many
// fit (see [Layout.Limits]); capping here keeps a frame of a long run cheap.
type Limits struct {
	Queue, Buffer, Out int
	Tally              bool // count every item that left, by its result's colour
}

// Scene returns what is on screen at t. It depends on t and lim alone: the
// same arguments give the same scene whatever was asked before.
func (tl *Timeline) Scene(t float64, lim Limits) Scene {
	s := Scene{T: t, End: tl.End(), Ordered: tl.cfg.Ordered, Lanes: make([]Lane, tl.cfg.Lanes), Head: -1}
	for i := range s.Lanes {
		s.Lanes[i].ID = -1
	}
	c := &s.Counts
	for id, it := range tl.items {
		if it.pulled <= t {
			c.Pulled++
		}
		if it.emitted <= t {
			c.Emitted++
		}
		if it.ended <= t {
			c.count(it.outcome)
		}
		if it.abandoned <= t {
			c.Abandoned++
		}
		if it.left > t && s.Head < 0 {
			s.Head = id
		}
		switch {
		case it.left <= t: // listed below, in leaving order
			if lim.Tally {
				s.Left[it.outcome.Role(it.abandoned <= t)]++
			}
		case it.started > t:
			c.Queued++
			s.Queue = appendCapped(s.Queue, lim.Queue, Cell{ID: id, Pulled: it.pulled <= t})
		case it.ended > t:
			c.Running++
			if it.slot >= 0 {
				s.Lanes[it.slot] = Lane{ID: id, Progress: tl.progress(it, t)}
			}
		default:
			c.Buffered++
			s.Buffer = appendCapped(s.Buffer, lim.Buffer, tl.cell(id, t))
		}
	}
	n := sort.Search(len(tl.outAt), func(i int) bool { return tl.outAt[i] > t })
	if lim.Out > 0 && n > lim.Out {
		s.OutFrom = n - lim.Out
	}
	for _, id := range tl.out[s.OutFrom:n] {
		s.Out = append(s.Out, tl.cell(id, t))
	}
	if tl.halted <= t {
		s.Halted, s.Reason = true, tl.reason
	}
	return s
}

// ended says how the tasks ended so far, as the summary counts them: "12
// ok, 1 error, 2 timed out"; "" before any ended.
func (c Counts) ended() string {
	if c.OK+c.Failed+c.Crashed+c.TimedOut == 0 {
		return ""
	}
	s := strconv.Itoa(c.OK) + " ok"
	if c.Failed > 0 {
		s += ", " + view.Plural(c.Failed, "error")
	}
	if c.Crashed > 0 {
		s += ", " + strconv.Itoa(c.Crashed) + " crash"
		if c.Crashed > 1 {
			s += "es"
		}
	}
	if c.TimedOut > 0 {
		s += ", " + strconv.Itoa(c.TimedOut) + " timed out"
	}
	return s
}

func (c *Counts) count(o view.Outcome) {
	switch o {
	case view.OK:
		c.OK++
	case view.Failed:
		c.Failed++
	case view.Crashed:
		c.Crashed++
	case view.TimedOut:
		c.TimedOut++
	case view.Cancelled:
		c.Cancelled++
	}
}

func (tl *Timeline) cell(id int, t float64) Cell {
	it := tl.items[id]
	return Cell{ID: id, Pulled: true, Outcome: it.outcome, Abandoned: it.abandoned <= t}
}

// progress is the share of its run a task has done at t. The trace says
// when the task ended; one that never did is measured against the run's
// end, and shows no progress when the trace ends as it starts.
func (tl *Timeline) progress(it life, t float64) float64 {
	end := it.ended
	if end == view.Never {
		end = tl.End()
		if end <= it.started {
			return 0
		}
	}
	if end <= it.started {
		return 1 // a task that ended as it started
	}
	return min(max((t-it.started)/(end-it.started), 0), 1)
}

func appendCapped(cells []Cell, limit int, c Cell) []Cell {
	if limit > 0 && len(cells) >= limit {
		return cells
	}
	return append(cells, c)
}
