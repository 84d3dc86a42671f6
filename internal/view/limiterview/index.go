package limiterview

import (
	"slices"
	"sort"
	"strconv"

	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Fates of a caller.
const (
	fateOK      uint8 = iota // held a slot and released it
	fateCrashed              // crashed while holding its slot, which was released all the same
	fateGaveUp               // left without a slot (or as its grant came)
)

// caller is one caller's way through the limiter, in ticks (see
// [view.Tick]): 20 bytes, a few per event of the trace.
type caller struct {
	id                 int32
	queued, start, end view.Tick // queued is NoTick for a caller served at once
	slot               int16
	fate               uint8
}

// index is a limiter trace indexed for scenes at any time.
type index struct {
	times   []float64
	callers []caller    // in arrival order: the queue's order, as there is no barging
	ended   []int32     // caller indexes in the order they left
	endAt   []view.Tick // ascending, with ended
	waitMax []int32     // the most callers waiting at once up to each tick
	slots   int         // slots drawn: max, or more if the trace used more
	marks   []view.Mark
}

func newIndex(trace []event.Record, slots int) *index {
	x := &index{times: view.TimesOf(trace), slots: slots}
	x.waitMax = make([]int32, len(x.times))
	var at view.IDs // caller id → index in callers
	var busy []bool // slot lanes of anonymous holders
	waiting, most := 0, int32(0)
	get := func(id int32) (*caller, int) {
		i, ok := at.Get(id)
		if !ok {
			i = len(x.callers)
			at.Set(id, i)
			x.callers = append(x.callers, caller{id: id, queued: view.NoTick, start: view.NoTick, end: view.NoTick, slot: -1})
		}
		return &x.callers[i], i
	}
	for _, r := range trace {
		tick := view.TickOf(x.times, view.Millis(r.At))
		switch r.Kind {
		case event.Acquired, event.Granted:
			c, _ := get(r.ID)
			if r.Kind == event.Granted {
				waiting--
			}
			c.start, c.slot = tick, int16(r.Slot)
			if r.Slot < 0 { // Acquire: the lowest free lane
				c.slot = int16(lane(&busy))
			} else {
				for len(busy) <= int(r.Slot) {
					busy = append(busy, false)
				}
				busy[r.Slot] = true
			}
			x.slots = max(x.slots, int(c.slot)+1)
		case event.Queued:
			c, _ := get(r.ID)
			c.queued = tick
			waiting++
		case event.Released:
			c, ci := get(r.ID)
			if c.slot >= 0 && int(c.slot) < len(busy) {
				busy[c.slot] = false
			}
			if c.end != view.NoTick {
				break // gave up as its grant came: it left then
			}
			if r.Detail != "" {
				c.fate = fateCrashed
				x.marks = append(x.marks, view.Mark{T: x.times[tick], Role: view.RoleCrashed,
					Label: "caller " + strconv.Itoa(int(r.ID)) + " crashed holding slot " + strconv.Itoa(int(c.slot))})
			}
			x.leave(c, ci, tick)
		case event.GaveUp:
			c, ci := get(r.ID)
			if c.start == view.NoTick && c.queued != view.NoTick {
				waiting--
			}
			c.fate = fateGaveUp
			x.leave(c, ci, tick)
			x.marks = append(x.marks, view.Mark{T: x.times[tick], Role: view.RoleTimedOut,
				Label: "caller " + strconv.Itoa(int(r.ID)) + " gave up"})
		}
		most = max(most, int32(waiting))
		x.waitMax[tick] = most
	}
	// Drop what appending left spare: the index lives as long as the run is shown.
	x.callers, x.ended, x.endAt, x.marks = slices.Clone(x.callers), slices.Clone(x.ended), slices.Clone(x.endAt), slices.Clone(x.marks)
	return x
}

// lane takes the lowest free lane of busy.
func lane(busy *[]bool) int {
	for i, b := range *busy {
		if !b {
			(*busy)[i] = true
			return i
		}
	}
	*busy = append(*busy, true)
	return len(*busy) - 1
}

func (x *index) leave(c *caller, i int, tick view.Tick) {
	c.end = tick
	x.ended = append(x.ended, int32(i))
	x.endAt = append(x.endAt, tick)
}

// scene is what the limiter looks like at a tick.
type scene struct {
	t, end                   float64
	holders                  []holder // by slot
	queue                    []int32  // caller indexes, head first
	waiting                  int      // callers in the queue, all of them
	ended                    []int32  // the latest callers to leave, oldest first
	done                     int      // callers that left
	granted, gaveUp, crashed int
	maxWaiting               int
}

// holder is a slot's holder at some time.
type holder struct {
	id       int32 // -1 for a free slot
	progress float64
}

// sceneAt builds the scene at time t, listing at most queueCap waiting
// callers and endedCap of those that left.
func (x *index) sceneAt(t float64, queueCap, endedCap int) scene {
	k := view.TickAt(x.times, t)
	s := scene{t: t, holders: make([]holder, x.slots)}
	if n := len(x.times); n > 0 {
		s.end = x.times[n-1]
	}
	for i := range s.holders {
		s.holders[i].id = -1
	}
	if k > 0 {
		s.maxWaiting = int(x.waitMax[k-1])
	}
	for i := range x.callers {
		c := &x.callers[i]
		switch {
		case c.start < k && c.end >= k:
			h := &s.holders[c.slot]
			h.id, h.progress = c.id, 1
			if c.end != view.NoTick {
				from, to := x.times[c.start], x.times[c.end]
				h.progress = (t - from) / max(to-from, 1e-9)
			}
		case c.queued < k && c.start >= k && c.end >= k:
			s.waiting++
			if len(s.queue) < queueCap {
				s.queue = append(s.queue, int32(i))
			}
		}
		if c.start < k && c.fate != fateGaveUp {
			s.granted++
		}
		if c.end < k {
			switch c.fate {
			case fateGaveUp:
				s.gaveUp++
			case fateCrashed:
				s.crashed++
			}
		}
	}
	s.done = sort.Search(len(x.endAt), func(i int) bool { return x.endAt[i] >= k })
	s.ended = x.ended[max(s.done-endedCap, 0):s.done]
	return s
}
