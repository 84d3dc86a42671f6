package supview

import (
	"strings"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Config is what the view needs of a run's parameters.
type Config struct {
	Children    int     // starts asked for
	MaxChildren int     // 0: no limit
	MaxRestarts int     // restarts allowed within Period
	Period      float64 // max_seconds, in ms
	Duration    float64 // how long the run was meant to last, ms
}

// ConfigOf reads a run's parameters; a zero Values (a hand-made trace)
// gets OTP's intensity, 3 restarts in 5 s.
func ConfigOf(v scenario.Values) Config {
	c := Config{Children: v.Int("children"), MaxChildren: v.Int("max_children"), MaxRestarts: v.Int("max_restarts"),
		Period: 1000 * float64(v.Int("max_seconds"))}
	if d, ok := v.Duration("duration_ms"); ok {
		c.Duration = view.Millis(d)
	}
	if c.Period <= 0 {
		c.MaxRestarts, c.Period = 3, 5000
	}
	return c
}

// End is how one run of a child ended.
type End uint8

// Ends of a run, as the legend names them.
const (
	Running     End = iota // not ended (yet)
	Exited                 // returned nil: a normal exit
	Errored                // returned an error: a crash
	Panicked               // panicked (or called runtime.Goexit): a crash
	Shutdown               // returned after the supervisor cancelled it
	Abandoned              // did not return within its shutdown time
	StartFailed            // its start step returned an error or panicked
)

// Role is the colour of a run that ended so.
func (e End) Role() view.Role {
	return [...]view.Role{view.RoleRunning, view.RoleOK, view.RoleFailed, view.RoleCrashed,
		view.RoleCancelled, view.RoleAbandoned, view.RoleFailed}[e]
}

// run is one incarnation of a child: from its start to its end, with the
// moment it was asked to stop, in virtual ms. 40 bytes; a run has at least
// two events, so the index adds at most 20 bytes per event.
type run struct {
	start, stopping, end float64
	child, lane, inc     int32
	how                  End
}

// Timeline is a supervisor's trace indexed for drawing at any time. It is
// immutable once built.
type Timeline struct {
	cfg      Config
	runs     []run     // in start order
	restarts []float64 // when each restart happened, ascending
	restartL []int32   // the lane of each restart
	refused  []float64 // when each start was refused, ascending
	lanes    int
	times    []float64

	gaveUp, stopping, stopped float64 // view.Never when not
	reason                    string  // why the supervisor stopped
}

// NewTimeline indexes trace. Events it cannot place (an end without a
// start) are skipped rather than trusted.
func NewTimeline(trace []event.Record, cfg Config) *Timeline {
	tl := &Timeline{cfg: cfg, gaveUp: view.Never, stopping: view.Never, stopped: view.Never, times: view.TimesOf(trace)}
	open := map[int32]int{} // child id → its run in progress
	for _, r := range trace {
		at := view.Millis(r.At)
		switch r.Kind {
		case event.ChildStarted:
			open[r.ID] = len(tl.runs)
			tl.runs = append(tl.runs, run{start: at, stopping: view.Never, end: view.Never, child: r.ID, lane: r.Slot, inc: r.N})
			tl.lanes = max(tl.lanes, int(r.Slot)+1)
		case event.ChildStopping:
			if i, ok := open[r.ID]; ok {
				tl.runs[i].stopping = min(tl.runs[i].stopping, at)
			}
		case event.ChildExited, event.ChildCrashed, event.ChildShutdown, event.ChildAbandoned,
			event.ChildStartFailed, event.ChildIgnored:
			if i, ok := open[r.ID]; ok {
				delete(open, r.ID)
				tl.runs[i].end, tl.runs[i].how = at, endOf(r)
			}
		case event.ChildRestarted:
			tl.restarts = append(tl.restarts, at)
			tl.restartL = append(tl.restartL, r.Slot)
		case event.ChildRefused:
			tl.refused = append(tl.refused, at)
		case event.SupervisorGaveUp:
			tl.gaveUp = min(tl.gaveUp, at)
		case event.SupervisorStopping:
			if tl.stopping == view.Never {
				tl.stopping, tl.reason = at, r.Detail
			}
		case event.SupervisorStopped:
			tl.stopped = min(tl.stopped, at)
		}
	}
	return tl
}

func endOf(r event.Record) End {
	switch r.Kind {
	case event.ChildExited, event.ChildIgnored:
		return Exited
	case event.ChildStartFailed:
		return StartFailed
	case event.ChildShutdown:
		return Shutdown
	case event.ChildAbandoned:
		return Abandoned
	}
	// A panic or runtime.Goexit reaches the supervisor as an exit error.
	if strings.HasPrefix(r.Detail, "exit: ") {
		return Panicked
	}
	return Errored
}

// Config returns the configuration the timeline was built for.
func (tl *Timeline) Config() Config { return tl.cfg }

// End is the time of the last event: the length of the run.
func (tl *Timeline) End() float64 {
	if len(tl.times) == 0 {
		return 0
	}
	return tl.times[len(tl.times)-1]
}

// Axis is the time the lanes span: the whole run and, after a give-up,
// the rest of the run as planned, where nothing will run again (or a
// twentieth more, for a give-up at the planned end). A preview spans the
// planned duration.
func (tl *Timeline) Axis() float64 {
	switch end := tl.End(); {
	case end == 0:
		return max(tl.cfg.Duration, 1)
	case tl.gaveUp != view.Never:
		return max(tl.cfg.Duration, end*1.05)
	default:
		return end
	}
}

// Times returns the distinct event times, ascending; the slice is shared.
func (tl *Timeline) Times() []float64 { return tl.times }

// Lanes is how many lanes (slots) the trace used.
func (tl *Timeline) Lanes() int { return tl.lanes }
