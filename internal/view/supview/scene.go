package supview

import "github.com/concurrency-patterns/playground/internal/view"

// Scene is what the playground shows at one moment: the counts so far, the
// restart window, and how the supervisor stands.
type Scene struct {
	T, End, Axis float64
	Counts       Counts
	// Window are the times of the restarts within the intensity window at
	// T, oldest first. Once the supervisor stops, the window freezes as it
	// was then: nothing is restarted any more.
	Window     []float64
	WindowFrom float64 // the window is (WindowFrom, WindowTo]
	WindowTo   float64
	GaveUp     bool   // the supervisor gave up by T
	Stopping   bool   // it is stopping or has stopped, for whatever reason
	Stopped    bool   // every child has returned or was abandoned
	Reason     string // why it stopped, once Stopping
}

// Counts are what happened up to T.
type Counts struct {
	Children  int // first starts
	Running   int // runs in progress
	Restarts  int
	Exits     int // normal exits
	Errors    int // crashes by returned error
	Panics    int // crashes by panic
	Shutdowns int
	Abandoned int
	Refused   int // starts refused by max_children

	StartFailures int // start steps that failed
}

// Scene returns the state at t. It depends on t alone.
func (tl *Timeline) Scene(t float64) Scene {
	s := Scene{T: t, End: tl.End(), Axis: tl.Axis()}
	c := &s.Counts
	for _, r := range tl.runs {
		if r.start > t {
			break
		}
		if r.inc == 0 {
			c.Children++
		}
		if r.end > t {
			c.Running++
			continue
		}
		switch r.how {
		case Exited:
			c.Exits++
		case Errored:
			c.Errors++
		case Panicked:
			c.Panics++
		case Shutdown:
			c.Shutdowns++
		case Abandoned:
			c.Abandoned++
		case StartFailed:
			c.StartFailures++
		}
	}
	c.Restarts = int(view.TickAt(tl.restarts, t))
	c.Refused = int(view.TickAt(tl.refused, t))
	s.GaveUp = tl.gaveUp <= t
	s.Stopping, s.Stopped = tl.stopping <= t, tl.stopped <= t
	if s.Stopping {
		s.Reason = tl.reason
	}
	s.WindowTo = min(t, tl.stopping)
	s.WindowFrom = s.WindowTo - tl.cfg.Period
	s.Window = tl.restarts[view.TickAt(tl.restarts, s.WindowFrom):view.TickAt(tl.restarts, s.WindowTo)]
	return s
}

// Full reports whether the next restart would be one too many.
func (s Scene) Full(max int) bool { return len(s.Window) >= max }
