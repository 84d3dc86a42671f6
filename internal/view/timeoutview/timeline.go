package timeoutview

import (
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
	"slices"
)

// answer is what a caller got.
type answer uint8

const (
	waiting   answer = iota // no answer in the trace
	inTime                  // the task's reply within the yield window
	crashed                 // the task panicked within the window
	timedOut                // no reply: the task was stopped
	late                    // the reply arrived during the shutdown and was kept
	abandoned               // the task ignored its cancellation past the grace
)

// task is one task and its caller, in virtual ms.
type task struct {
	start, deadline, cancelled, quit, returned, answered float64
	id, lane                                             int32
	answer                                               answer
}

// Timeline is a trace of the timeout scenario indexed for drawing. It is
// immutable once built.
type Timeline struct {
	tasks []task // by id, which is start order
	lanes int
	times []float64
}

// NewTimeline indexes trace; timeout is the caller's yield, view.Never for
// none. With perTask, each task has its own lane; otherwise tasks share
// lanes once a row is free.
func NewTimeline(trace []event.Record, timeout float64, perTask bool) *Timeline {
	tl := &Timeline{times: view.TimesOf(trace)}
	at := map[int32]int{} // id → index in tasks
	for _, r := range trace {
		ms := view.Millis(r.At)
		if r.Kind == event.Started {
			if _, dup := at[r.ID]; !dup && r.ID >= 0 {
				at[r.ID] = len(tl.tasks)
				tl.tasks = append(tl.tasks, task{start: ms, deadline: ms + timeout, id: r.ID,
					cancelled: view.Never, quit: view.Never, returned: view.Never, answered: view.Never})
			}
			continue
		}
		i, ok := at[r.ID]
		if !ok {
			continue
		}
		tk := &tl.tasks[i]
		switch r.Kind {
		case event.StillRunning:
			tk.deadline = min(tk.deadline, ms)
		case event.Ignored: // no reply in time, and the caller let go of it
			tk.deadline = min(tk.deadline, ms)
			tk.answerAt(ms, timedOut)
		case event.Cancelled:
			tk.cancelled = min(tk.cancelled, ms)
		case event.Abandoned:
			tk.quit = min(tk.quit, ms)
			tk.answerAt(ms, abandoned)
		case event.Finished, event.Failed, event.Panicked:
			if tk.returned != view.Never {
				continue
			}
			tk.returned = ms
			if tk.cancelled == view.Never {
				a := inTime
				if r.Kind != event.Finished {
					a = crashed
				}
				tk.answerAt(ms, a)
			}
		case event.Late:
			tk.answerAt(ms, late)
		case event.TimedOut:
			tk.answerAt(ms, timedOut)
		}
	}
	tl.pack(perTask)
	tl.tasks = slices.Clone(tl.tasks) // no spare room kept
	return tl
}

// answerAt records the caller's first answer.
func (tk *task) answerAt(ms float64, a answer) {
	if tk.answer == waiting {
		tk.answered, tk.answer = ms, a
	}
}

// busyUntil is the end of what the task's row shows.
func (tk *task) busyUntil() float64 {
	if tk.returned == view.Never {
		return view.Never
	}
	end := tk.returned
	if tk.deadline != view.Never {
		end = max(end, tk.deadline)
	}
	if tk.answered != view.Never {
		end = max(end, tk.answered)
	}
	return end
}

func (tl *Timeline) pack(perTask bool) {
	var free []float64
	for i := range tl.tasks {
		tk := &tl.tasks[i]
		l := len(free)
		if !perTask {
			l = 0
			for l < len(free) && free[l] > tk.start {
				l++
			}
		}
		if l == len(free) {
			free = append(free, 0)
		}
		free[l], tk.lane = tk.busyUntil(), int32(l)
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

// Counts are the callers by their answer at some time, and the goroutines
// still running after their caller gave up on them.
type Counts struct {
	Waiting, InTime, Crashed, TimedOut, Late, Abandoned int
	Leaked                                              int // abandoned, not yet returned
}

// CountsAt counts at t.
func (tl *Timeline) CountsAt(t float64) Counts {
	var c Counts
	for _, tk := range tl.tasks {
		if tk.start > t {
			break
		}
		a := tk.answer
		if tk.answered > t {
			a = waiting
		}
		switch a {
		case waiting:
			c.Waiting++
		case inTime:
			c.InTime++
		case crashed:
			c.Crashed++
		case timedOut:
			c.TimedOut++
		case late:
			c.Late++
		case abandoned:
			c.Abandoned++
			if tk.returned > t {
				c.Leaked++
			}
		}
	}
	return c
}
