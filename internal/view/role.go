package view

// Outcome is how an item's task ended, as far as the scene at some time
// knows.
type Outcome uint8

// Outcomes, named as the playground's legend names them.
const (
	Pending   Outcome = iota // not ended yet
	OK                       // the task returned a value
	Failed                   // the task returned its own error
	Crashed                  // the task panicked
	TimedOut                 // the task ran past its timeout
	Cancelled                // the task was cancelled (the stream halted, its caller stopped)
)

// Role is what a colour means. The drawer maps each role to a colour once
// (the CSS custom property --pg-<name>), so the canvas and the HTML legend
// share one palette that follows the page's light or dark scheme.
type Role uint8

// Roles, in drawing order: a [Plan] fills every rectangle of one role as one
// path, role by role, so later roles paint over earlier ones.
const (
	RoleTrack     Role = iota // an idle lane, an empty slot
	RoleWaiting               // an input not yet taken from the source
	RolePulled                // an input taken, its task not started
	RoleRunning               // a task in progress
	RoleOK                    // a result: value
	RoleFailed                // a result: the task's own error
	RoleCrashed               // a result: panic
	RoleTimedOut              // a result: timeout
	RoleCancelled             // a task cancelled at halt
	RoleAbandoned             // a cancelled task that outlived its shutdown time
	RoleText                  // labels and readouts
	RoleMuted                 // captions
	RoleAlert                 // the halt notice
	RoleCount
)

var roleNames = [RoleCount]string{
	RoleTrack: "track", RoleWaiting: "waiting", RolePulled: "pulled", RoleRunning: "running",
	RoleOK: "ok", RoleFailed: "failed", RoleCrashed: "crashed", RoleTimedOut: "timed-out",
	RoleCancelled: "cancelled", RoleAbandoned: "abandoned",
	RoleText: "text", RoleMuted: "muted", RoleAlert: "alert",
}

// String returns the role's name, as used in the CSS custom property
// --pg-<name>.
func (r Role) String() string {
	if r < RoleCount {
		return roleNames[r]
	}
	return "unknown"
}

// Palette maps every role to a CSS colour.
type Palette [RoleCount]string

// Light is the palette used when the page defines none: Okabe–Ito hues, which
// stay apart for the common kinds of colour blindness.
var Light = Palette{
	RoleTrack: "#e6e8ec", RoleWaiting: "#aab2bf", RolePulled: "#56b4e9", RoleRunning: "#0072b2",
	RoleOK: "#009e73", RoleFailed: "#e69f00", RoleCrashed: "#d55e00", RoleTimedOut: "#cc79a7",
	RoleCancelled: "#6b7280", RoleAbandoned: "#1f2937",
	RoleText: "#1f2328", RoleMuted: "#59636e", RoleAlert: "#b4410b",
}

// Role returns the colour role of a result with outcome o; a cancelled
// task that outlived its shutdown time is abandoned.
func (o Outcome) Role(abandoned bool) Role {
	switch o {
	case OK:
		return RoleOK
	case Failed:
		return RoleFailed
	case Crashed:
		return RoleCrashed
	case TimedOut:
		return RoleTimedOut
	case Cancelled:
		if abandoned {
			return RoleAbandoned
		}
		return RoleCancelled
	}
	return RoleRunning
}
