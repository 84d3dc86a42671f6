package view

import (
	"strconv"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Generic is the kit of a scenario that has no visual of its own yet: the
// units of work its trace reports (see [TaskLife]) as bars in lanes, and
// their results in the order they ended. It is plain on purpose; a
// pattern's own visual shows what is particular to it.
var Generic = Kit{
	New: NewGeneric,
	Legend: []Key{
		{Role: RoleRunning, Text: "running"}, {Role: RoleOK, Text: "ok"}, {Role: RoleFailed, Text: "error"},
		{Role: RoleCrashed, Text: "crash (panic)"}, {Role: RoleTimedOut, Text: "timed out"}, {Role: RoleCancelled, Text: "cancelled"},
	},
	Describe: "Animation of the run: units of work running in lanes and their results. The event log below gives the same in words.",
}

// unit is one unit of work in a generic visual.
type unit struct {
	start, end float64
	lane       int
	outcome    Outcome
}

// genericVisual draws units in lanes, given out at start to the first free
// lane (the unit's slot when the trace names one).
type genericVisual struct {
	units []unit // by start time
	ended []int  // unit indexes by end time
	endAt []float64
	lanes int
	times []float64
	marks []Mark
}

// NewGeneric builds a generic visual from trace with [TaskLife].
func NewGeneric(trace []event.Record, _ scenario.Values) Visual {
	g := &genericVisual{times: TimesOf(trace), marks: TaskMarks(trace)}
	open := map[int32]int{} // id → index in units, while running
	var busy []bool
	for _, r := range trace {
		at := Millis(r.At)
		switch TaskLife(r.Kind) {
		case StepStart:
			lane := int(r.Slot)
			if lane < 0 {
				lane = 0
				for lane < len(busy) && busy[lane] {
					lane++
				}
			}
			for len(busy) <= lane {
				busy = append(busy, false)
			}
			busy[lane] = true
			open[r.ID] = len(g.units)
			g.units = append(g.units, unit{start: at, end: Never, lane: lane})
		case StepEnd:
			i, ok := open[r.ID]
			if !ok {
				continue
			}
			delete(open, r.ID)
			u := &g.units[i]
			u.end, u.outcome = at, outcomeOf(r.Kind)
			busy[u.lane] = false
			g.ended = append(g.ended, i)
			g.endAt = append(g.endAt, at)
		}
	}
	g.lanes = max(len(busy), 1)
	return g
}

func outcomeOf(k event.Kind) Outcome {
	switch k {
	case event.Finished:
		return OK
	case event.Failed:
		return Failed
	case event.Panicked:
		return Crashed
	case event.TimedOut:
		return TimedOut
	case event.Cancelled:
		return Cancelled
	}
	return OK
}

func (g *genericVisual) End() float64 {
	if len(g.times) == 0 {
		return 0
	}
	return g.times[len(g.times)-1]
}

func (g *genericVisual) Times() []float64 { return g.times }
func (g *genericVisual) Marks() []Mark    { return g.marks }

// Sizes of the generic layout, in CSS pixels.
const (
	gPad      = 12.0
	gLaneH    = 10.0
	gMaxLanes = 48
	gCell     = 8.0
	gRows     = 6
)

func (g *genericVisual) shownLanes() int { return min(g.lanes, gMaxLanes) }

func (g *genericVisual) Height(width float64) float64 {
	return gPad + 38 + 18 + float64(g.shownLanes())*(gLaneH+2) + 10 + 18 + gRows*(gCell+1) + gPad
}

func (g *genericVisual) Plan(t, width float64) Plan {
	p := Plan{W: width, H: g.Height(width)}
	p.Text(Text{X: gPad, Y: gPad + 9, S: Ms(t) + " ms", Role: RoleText, Font: FontClock})
	running, done := 0, 0
	y := gPad + 38 + 18
	inner := width - 2*gPad
	for _, u := range g.units {
		if u.start > t || u.end <= t || u.lane >= gMaxLanes {
			continue
		}
		running++
		track := Rect{X: gPad, Y: y + float64(u.lane)*(gLaneH+2), W: inner, H: gLaneH}
		progress := 0.0
		if u.end != Never && u.end > u.start {
			progress = (t - u.start) / (u.end - u.start)
		}
		p.Fill(RoleRunning, Rect{X: track.X, Y: track.Y, W: max(track.W*progress, 2), H: track.H})
	}
	for l := range g.shownLanes() {
		p.Fill(RoleTrack, Rect{X: gPad, Y: y + float64(l)*(gLaneH+2), W: inner, H: gLaneH})
	}
	for _, at := range g.endAt {
		if at > t {
			break
		}
		done++
	}
	p.Text(Text{X: gPad, Y: gPad + 29, Role: RoleMuted, Font: FontCaption,
		S: Plural(running, "unit") + " running, " + strconv.Itoa(done) + " ended"})
	p.Text(Text{X: gPad, Y: y - 10, Role: RoleMuted, Font: FontCaption, S: "lanes: " + strconv.Itoa(g.lanes)})
	y += float64(g.shownLanes())*(gLaneH+2) + 10
	p.Text(Text{X: gPad, Y: y + 8, Role: RoleMuted, Font: FontCaption, S: "results, latest last"})
	grid := Grid{X: gPad, Y: y + 18, Cols: max(int((inner+1)/(gCell+1)), 1), Rows: gRows, Cell: gCell, Gap: 1}
	from := max(done-grid.Capacity(), 0)
	runs := CellRuns{P: &p, G: grid}
	for i, ui := range g.ended[from:done] {
		runs.Add(i, g.units[ui].outcome.Role(false))
	}
	runs.Flush()
	return p
}
