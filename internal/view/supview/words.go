package supview

import (
	"strconv"
	"strings"

	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Words says a supervisor event in words for the event log.
func Words(r event.Record) string {
	child := "child " + strconv.Itoa(int(r.ID))
	n := int(r.N)
	switch r.Kind {
	case event.ChildStarted:
		if n == 0 {
			return child + " started in lane " + strconv.Itoa(int(r.Slot))
		}
		return child + " started again (restarted " + times(n) + ")"
	case event.ChildExited:
		return child + " exited normally"
	case event.ChildCrashed:
		return child + " crashed: " + short(r.Detail)
	case event.ChildShutdown:
		if strings.HasPrefix(r.Detail, "shutdown: ") {
			return child + " stopped itself: " + short(r.Detail)
		}
		return child + " shut down as asked"
	case event.ChildStopping:
		return "the supervisor asks " + child + " to stop"
	case event.ChildAbandoned:
		return child + " was abandoned: it did not return within its shutdown time"
	case event.ChildRemoved:
		return child + " removed; " + children(n) + " held"
	case event.ChildRestarted:
		return child + " is restarted: restart " + strconv.Itoa(n) + " within the window"
	case event.ChildRefused:
		return "a start was refused: max_children " + strconv.Itoa(n) + " reached"
	case event.ChildReady:
		return child + " is up: its start step succeeded"
	case event.ChildIgnored:
		return child + "'s start step said ignore: no child is held"
	case event.ChildStartFailed:
		if n == 0 {
			return child + " failed to start, and is not held: " + short(r.Detail)
		}
		return child + " failed to restart; it is restarting, and the restart is tried again: " + short(r.Detail)
	case event.RestartWindow:
		return "restart window: " + view.Plural(n, "restart") + " in the last period"
	case event.SupervisorGaveUp:
		return "THE SUPERVISOR GAVE UP: " + short(r.Detail)
	case event.SupervisorStopping:
		return "the supervisor stops " + children(n) + ": " + short(r.Detail)
	case event.SupervisorStopped:
		return "the supervisor stopped; " + strconv.Itoa(n) + " abandoned while stopping"
	}
	return view.Words(r)
}

func times(n int) string {
	if n == 1 {
		return "once"
	}
	return strconv.Itoa(n) + " times"
}

// short keeps the first line of a detail: a panic's stack is for the
// exports.
func short(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

// Marks are the notable events: crashes, restarts, abandoned children,
// refused starts (one mark per moment), and the give-up.
func Marks(trace []event.Record) []view.Mark {
	var out []view.Mark
	for i, r := range trace {
		child := "child " + strconv.Itoa(int(r.ID))
		var m view.Mark
		switch r.Kind {
		case event.ChildCrashed:
			m = view.Mark{Label: child + " crashed (error)", Role: view.RoleFailed}
			if endOf(r) == Panicked {
				m = view.Mark{Label: child + " crashed (panic)", Role: view.RoleCrashed}
			}
		case event.ChildRestarted:
			m = view.Mark{Label: child + " restarted, " + strconv.Itoa(int(r.N)) + " in the window", Role: view.RoleRestart}
		case event.ChildAbandoned:
			m = view.Mark{Label: child + " abandoned", Role: view.RoleAbandoned}
		case event.ChildRefused:
			if i > 0 && trace[i-1].Kind == event.ChildRefused && trace[i-1].At == r.At {
				continue
			}
			m = view.Mark{Label: "start refused: max_children " + strconv.Itoa(int(r.N)), Role: view.RoleAlert}
		case event.SupervisorGaveUp:
			// N counts the refused restart, which never happened.
			m = view.Mark{Label: "the supervisor gave up: restart " + strconv.Itoa(int(r.N)) + " in the window refused", Role: view.RoleAlert}
		default:
			continue
		}
		m.T = view.Millis(r.At)
		out = append(out, m)
	}
	return out
}

// children is "1 child", "2 children".
func children(n int) string {
	if n == 1 {
		return "1 child"
	}
	return strconv.Itoa(n) + " children"
}
