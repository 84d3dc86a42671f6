package view

import (
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/concurrency-patterns/playground/patterns/event"
)

// Step is what an event does to a unit of work (a task, a request, a
// message), as the charts and the exports count it.
type Step uint8

// Steps.
const (
	StepNone  Step = iota
	StepQueue      // the unit waits for a slot
	StepStart      // the unit starts running; it leaves the queue if it was in it
	StepEnd        // the unit stops running, whatever its fate
)

// Life maps an event kind to its step.
type Life func(event.Kind) Step

// TaskLife is the life of a task as the stream and supervised tasks report
// it: pulled, started, then one of finished, failed, panicked, timed out or
// cancelled.
func TaskLife(k event.Kind) Step {
	switch k {
	case event.Pulled:
		return StepQueue
	case event.Started:
		return StepStart
	case event.Finished, event.Failed, event.Panicked, event.TimedOut, event.Cancelled:
		return StepEnd
	}
	return StepNone
}

// Millis converts a trace offset to virtual milliseconds, the unit of every
// time the view shows.
func Millis(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// Never is the time of a step not taken.
var Never = math.Inf(1)

// TimesOf returns the distinct event times of a trace, ascending.
func TimesOf(trace []event.Record) []float64 {
	out := make([]float64, 0, len(trace))
	for _, r := range trace {
		at := Millis(r.At)
		if n := len(out); n == 0 || out[n-1] != at {
			out = append(out, at)
		}
	}
	if !sort.Float64sAreSorted(out) { // a hand-made trace
		sort.Float64s(out)
		j := 0
		for i, v := range out {
			if i == 0 || v != out[j-1] {
				out[j] = v
				j++
			}
		}
		out = out[:j]
	}
	// Keep only what is used: most events share their time with another,
	// and a visual holds this for as long as its run is shown.
	return slices.Clone(out)
}

// TaskMarks are the notable events of a task's life: crashes, timeouts,
// abandoned tasks, refusals and a halt with a reason.
func TaskMarks(trace []event.Record) []Mark {
	var out []Mark
	for _, r := range trace {
		var m Mark
		switch r.Kind {
		case event.Panicked:
			m = Mark{Label: "item " + strconv.Itoa(int(r.ID)) + " crashed", Role: RoleCrashed}
		case event.TimedOut:
			m = Mark{Label: "item " + strconv.Itoa(int(r.ID)) + " timed out", Role: RoleTimedOut}
		case event.Abandoned:
			m = Mark{Label: "item " + strconv.Itoa(int(r.ID)) + " abandoned", Role: RoleAbandoned}
		case event.Refused:
			m = Mark{Label: "a start was refused", Role: RoleAlert}
		case event.Halted:
			if r.Detail == "" {
				continue
			}
			m = Mark{Label: "halted: " + r.Detail, Role: RoleAlert}
		default:
			continue
		}
		m.T = Millis(r.At)
		out = append(out, m)
	}
	return out
}

// Words says an event in words: "item 3 started in slot 1". Kinds it does
// not know are named as the trace names them.
func Words(r event.Record) string { return WordsFor("item", r) }

// WordsFor is [Words] with noun for what the pattern calls an item:
// WordsFor("task", r) says "task 3 finished".
func WordsFor(noun string, r event.Record) string {
	who := noun + " " + strconv.Itoa(int(r.ID))
	if r.ID < 0 {
		who = "the pattern"
	}
	s := who + " " + kindWords(r.Kind)
	if r.Slot >= 0 && r.Kind == event.Started {
		s += " in slot " + strconv.Itoa(int(r.Slot))
	}
	if d := FirstLine(r.Detail); d != "" {
		s += ": " + d
	}
	return s
}

// FirstLine keeps an event's detail short: a panic's stack is for the
// exports, not for a log line.
func FirstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if r := []rune(s); len(r) > 100 {
		s = string(r[:100]) + "…"
	}
	return s
}

func kindWords(k event.Kind) string {
	switch k {
	case event.Pulled:
		return "was taken from the source"
	case event.Finished:
		return "finished"
	case event.Failed:
		return "returned an error"
	case event.Panicked:
		return "crashed (panic)"
	case event.TimedOut:
		return "timed out"
	case event.Emitted:
		return "was emitted"
	case event.Cancelled:
		return "was cancelled"
	case event.Abandoned:
		return "was abandoned after its shutdown time"
	case event.Halted:
		return "stopped"
	}
	return k.String()
}
