package poolview

import (
	"slices"
	"sort"
	"strconv"

	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/pool"
)

// What a lane holds during a stint.
const (
	idle uint8 = iota // a worker waits to be checked out
	busy              // a worker is checked out (or being created) for a caller
	dead              // the lane's worker died; a new one is made when a checkout needs it
)

// stint is what one lane held from one tick to another.
type stint struct {
	from, to view.Tick
	caller   int32
	lane     int16
	kind     uint8
}

// Fates of a caller.
const (
	fateOK      uint8 = iota // used a worker and checked it in
	fateCrashed              // crashed with its worker, which died
	fateFailed               // got no worker: timed out waiting, mostly
)

// caller is one caller's way through the pool.
type caller struct {
	id                 int32
	queued, start, end view.Tick
	fate               uint8
}

// index is a pool trace indexed for scenes at any time.
type index struct {
	times   []float64
	size    int
	lanes   int
	stints  []stint
	callers []caller // in arrival order: the queue's order
	ended   []int32
	endAt   []view.Tick
	waitMax []int32
	marks   []view.Mark
}

func newIndex(trace []event.Record, size, overflow int) *index {
	x := &index{times: view.TimesOf(trace), size: size, lanes: size + overflow}
	x.waitMax = make([]int32, len(x.times))
	open := map[int16]int{} // lane → its open stint
	var at view.IDs         // caller id → index in callers
	waiting, most := 0, int32(0)
	get := func(id int32) int {
		i, ok := at.Get(id)
		if !ok {
			i = len(x.callers)
			at.Set(id, i)
			x.callers = append(x.callers, caller{id: id, queued: view.NoTick, start: view.NoTick, end: view.NoTick})
		}
		return i
	}
	for _, r := range trace {
		tick := view.TickOf(x.times, view.Millis(r.At))
		lane := int16(r.Slot)
		x.lanes = max(x.lanes, int(lane)+1)
		closeLane := func() {
			if i, ok := open[lane]; ok {
				x.stints[i].to = tick
				delete(open, lane)
			}
		}
		openLane := func(kind uint8, id int32) {
			closeLane()
			open[lane] = len(x.stints)
			x.stints = append(x.stints, stint{from: tick, to: view.NoTick, caller: id, lane: lane, kind: kind})
		}
		serve := func() {
			c := &x.callers[get(r.ID)]
			if c.start == view.NoTick && c.end == view.NoTick {
				if c.queued != view.NoTick {
					waiting--
				}
				c.start = tick
			}
		}
		switch r.Kind {
		case event.WorkerStarted:
			openLane(idle, -1)
		case event.WorkerReplaced, event.OverflowStarted:
			if r.ID < 0 { // the pool refilling a dead worker's lane, nobody waiting
				openLane(idle, -1)
				break
			}
			serve()
			openLane(busy, r.ID)
		case event.CheckedOut:
			serve()
			openLane(busy, r.ID)
		case event.CheckedIn:
			openLane(idle, -1)
			x.leave(get(r.ID), tick, fateOK)
		case event.WorkerDied:
			openLane(dead, -1)
			x.leave(get(r.ID), tick, fateCrashed)
			x.marks = append(x.marks, view.Mark{T: x.times[tick], Role: view.RoleCrashed,
				Label: "worker " + strconv.Itoa(int(lane)) + " died with caller " + strconv.Itoa(int(r.ID))})
		case event.OverflowDismissed, event.WorkerStopped, event.StartFailed:
			closeLane()
		case event.CheckoutWaiting:
			x.callers[get(r.ID)].queued = tick
			waiting++
		case event.CheckoutFailed:
			i := get(r.ID)
			c := &x.callers[i]
			if c.start == view.NoTick && c.end == view.NoTick && c.queued != view.NoTick {
				waiting--
			}
			if c.end == view.NoTick {
				what := " got no worker"
				if r.Detail == pool.ErrTimeout.Error() {
					what = " timed out waiting"
				}
				x.marks = append(x.marks, view.Mark{T: x.times[tick], Role: view.RoleTimedOut, Label: "caller " + strconv.Itoa(int(r.ID)) + what})
			}
			x.leave(i, tick, fateFailed)
		}
		most = max(most, int32(waiting))
		x.waitMax[tick] = most
	}
	// Drop what appending left spare: the index lives as long as the run is shown.
	x.stints, x.callers, x.ended, x.endAt, x.marks = slices.Clone(x.stints), slices.Clone(x.callers), slices.Clone(x.ended), slices.Clone(x.endAt), slices.Clone(x.marks)
	return x
}

// leave ends caller i's way, once.
func (x *index) leave(i int, tick view.Tick, fate uint8) {
	c := &x.callers[i]
	if c.end != view.NoTick {
		return
	}
	c.end, c.fate = tick, fate
	x.ended = append(x.ended, int32(i))
	x.endAt = append(x.endAt, tick)
}

// lane is what a lane shows at some time.
type lane struct {
	kind     uint8 // idle, busy, dead; empty when none of those
	empty    bool
	overflow bool
	caller   int32
	progress float64
}

// scene is the pool at some time.
type scene struct {
	t, end                     float64
	lanes                      []lane
	live, idle, busy, overflow int
	queue                      []int32
	waiting                    int
	ended                      []int32
	done, served, crashed      int
	failed, maxWaiting         int
}

func (x *index) sceneAt(t float64, queueCap, endedCap int) scene {
	k := view.TickAt(x.times, t)
	s := scene{t: t, lanes: make([]lane, x.lanes)}
	if n := len(x.times); n > 0 {
		s.end = x.times[n-1]
	}
	for i := range s.lanes {
		s.lanes[i].empty = true
	}
	for _, st := range x.stints {
		if st.from >= k || st.to < k {
			continue
		}
		l := &s.lanes[st.lane]
		*l = lane{kind: st.kind, caller: st.caller, progress: 1}
		switch st.kind {
		case idle:
			s.idle++
		case busy:
			s.busy++
			if st.to != view.NoTick {
				from, to := x.times[st.from], x.times[st.to]
				l.progress = (t - from) / max(to-from, 1e-9)
			}
		}
	}
	s.live = s.idle + s.busy
	s.overflow = max(s.live-x.size, 0)
	x.place(s.lanes)
	for i := range x.callers {
		c := &x.callers[i]
		if c.queued < k && c.start >= k && c.end >= k {
			s.waiting++
			if len(s.queue) < queueCap {
				s.queue = append(s.queue, int32(i))
			}
		}
		if c.end < k {
			switch c.fate {
			case fateOK:
				s.served++
			case fateCrashed:
				s.crashed++
			default:
				s.failed++
			}
		}
	}
	if k > 0 {
		s.maxWaiting = int(x.waitMax[k-1])
	}
	s.done = sort.Search(len(x.endAt), func(i int) bool { return x.endAt[i] >= k })
	s.ended = x.ended[max(s.done-endedCap, 0):s.done]
	return s
}

// place shows overflow as poolboy counts it: the live workers beyond size.
// A worker keeps its lane of the trace, except that one made in the
// overflow room moves into a pool lane left empty (or dead) when a pool
// worker was dismissed before it: it is then one of the pool's size, and
// the room holds exactly the overflow the header counts.
func (x *index) place(lanes []lane) {
	live := func(l lane) bool { return !l.empty && l.kind != dead }
	to := 0 // the next pool lane to fill
	free := func() int {
		for ; to < x.size; to++ {
			if !live(lanes[to]) {
				return to
			}
		}
		return -1
	}
	for i := x.size; i < len(lanes); i++ {
		if !live(lanes[i]) {
			continue
		}
		if j := free(); j >= 0 {
			lanes[j], lanes[i] = lanes[i], lane{empty: true}
			continue
		}
		lanes[i].overflow = true
	}
}

// state is poolboy's word for what a checkout would meet.
func (x *index) state(s scene) string {
	switch {
	case s.idle > 0 || s.live < x.size:
		return "ready"
	case s.live < x.lanes:
		return "overflow"
	}
	return "full"
}
