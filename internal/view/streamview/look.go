package streamview

import (
	"strconv"

	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Look points at item r.ID at time t: its lane while it runs, its cell in
// the results once it left; the status line once the stream halted. A result waiting in the ordered buffer points
// at what holds it there: the slow item at the head, still running.
func (v *Visual) Look(r event.Record, t, width float64) (view.Look, bool) {
	l := v.layoutFor(width)
	s := v.tl.Scene(t, l.Limits())
	id := int(r.ID)
	lane := func(id int) (view.Rect, bool) {
		if l.lanes.cells.Cols > 0 || id < 0 {
			return view.Rect{}, false
		}
		for i, ln := range s.Lanes[:min(len(s.Lanes), l.lanes.cols*l.lanes.rows)] {
			if ln.ID == id {
				x, _, bar := l.lanes.box(i)
				return view.Rect{X: x, Y: bar.Y, W: bar.X + bar.W - x, H: bar.H}, true
			}
		}
		return view.Rect{}, false
	}
	for i, c := range s.Buffer[:min(len(s.Buffer), l.buf.Capacity())] {
		if c.ID != id || s.Head < 0 {
			continue
		}
		head := "#" + strconv.Itoa(s.Head)
		if at, ok := lane(s.Head); ok && r.Kind == event.Finished {
			wait := " wait"
			if s.Counts.Buffered == 1 {
				wait = " waits"
			}
			return view.Look{At: at, Say: head + " still runs: " +
				view.Plural(s.Counts.Buffered, "finished result") + wait + " behind it in the buffer"}, true
		}
		return view.Look{At: l.buf.Rect(i), Say: "#" + strconv.Itoa(id) + ": " + outcomeWords[c.Outcome] +
			", held in the buffer until " + head + " has left"}, true
	}
	if at, ok := lane(id); ok {
		return view.Look{At: at, Say: "#" + strconv.Itoa(id) + " is running"}, true
	}
	for i, c := range s.Out[:min(len(s.Out), l.out.Capacity())] {
		if c.ID != id {
			continue
		}
		say := "#" + strconv.Itoa(id) + " has left, " + outcomeWords[c.Outcome]
		if s.Head >= 0 && s.Head < id && !s.Halted {
			say += ", ahead of #" + strconv.Itoa(s.Head) + ", which still runs"
		}
		return view.Look{At: l.out.Rect(i), Say: say}, true
	}
	if s.Halted {
		status, _ := l.status(s)
		return view.Look{At: view.Rect{X: pad, Y: pad, W: l.inner(), H: view.HeaderH}, Say: status}, true
	}
	return view.Look{}, false
}

// outcomeWords say a result's outcome as the legend names it.
var outcomeWords = [...]string{
	view.Pending: "not ended", view.OK: "ok", view.Failed: "error", view.Crashed: "crash (panic)",
	view.TimedOut: "timed out", view.Cancelled: "cancelled",
}
