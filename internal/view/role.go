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
// path, role by role, so later roles paint over earlier ones. Each role has
// one meaning on every page, and its own colour (see [Light] and [Dark]).
const (
	RoleTrack     Role = iota // an idle lane, an empty slot
	RoleWindow                // a span of time that counts: the supervisor's restart window
	RoleWaiting               // an input, a caller, a request not yet taken
	RolePulled                // taken but not working: an input pulled, events sent, an idle worker
	RoleDemand                // demand asked and not yet met
	RoleRunning               // work in progress: a task, a busy worker, a held slot
	RoleOverflow              // a busy pool worker made beyond the pool's size
	RoleOK                    // a result: value; served, released, processed
	RoleFailed                // a result: the task's own error
	RoleCrashed               // a result: panic; a worker that died
	RoleTimedOut              // time ran out: a timeout, a wait used up
	RoleLate                  // a reply that came after its deadline and was kept
	RoleCancelled             // a task cancelled at halt, shut down
	RoleAbandoned             // a cancelled task that outlived its shutdown time
	RoleRestart               // a child restarted by its supervisor
	RoleDeadline              // a caller's deadline
	RoleP50                   // chart: the median
	RoleP90                   // chart: the 90th percentile
	RoleP99                   // chart: the 99th percentile
	RoleText                  // labels and readouts
	RoleMuted                 // captions
	RoleAlert                 // a limit hit: a halt, a give-up, a refusal, a bound, a drop
	RoleCount
)

var roleNames = [RoleCount]string{
	RoleTrack: "track", RoleWindow: "window", RoleWaiting: "waiting", RolePulled: "pulled", RoleDemand: "demand",
	RoleRunning: "running", RoleOverflow: "overflow", RoleOK: "ok", RoleFailed: "failed", RoleCrashed: "crashed",
	RoleTimedOut: "timed-out", RoleLate: "late", RoleCancelled: "cancelled", RoleAbandoned: "abandoned",
	RoleRestart: "restart", RoleDeadline: "deadline", RoleP50: "p50", RoleP90: "p90", RoleP99: "p99",
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

// Light is the palette of a light page, and the one used when the page
// defines none; picture.css holds the same colours, [Dark] those of a dark
// page. The hues start from Okabe–Ito's; a test holds both palettes to
// being told apart, page by page, under the common kinds of colour
// blindness, and to standing out from their page's background.
var Light = Palette{
	RoleTrack: "#e6e8ec", RoleWindow: "#c4a5ec", RoleWaiting: "#aab2bf", RolePulled: "#56b4e9", RoleDemand: "#c9a800",
	RoleRunning: "#0072b2", RoleOverflow: "#332288", RoleOK: "#009e73", RoleFailed: "#e69f00", RoleCrashed: "#d55e00",
	RoleTimedOut: "#c0609a", RoleLate: "#e89ac6", RoleCancelled: "#4f5764", RoleAbandoned: "#1f2937",
	RoleRestart: "#9438e0", RoleDeadline: "#a0522d", RoleP50: "#d4ad3a", RoleP90: "#a07a10", RoleP99: "#5e4400",
	RoleText: "#1f2328", RoleMuted: "#59636e", RoleAlert: "#a3123a",
}

// Dark is the palette of a dark page (prefers-color-scheme: dark).
var Dark = Palette{
	RoleTrack: "#2a2f38", RoleWindow: "#5a4380", RoleWaiting: "#6b7483", RolePulled: "#7cc7f0", RoleDemand: "#e8d44d",
	RoleRunning: "#3a9be0", RoleOverflow: "#5b47c9", RoleOK: "#2bbf8f", RoleFailed: "#f0b429", RoleCrashed: "#ff7a45",
	RoleTimedOut: "#d86fb0", RoleLate: "#b0527f", RoleCancelled: "#b8bfca", RoleAbandoned: "#e5e7eb",
	RoleRestart: "#8c4fd6", RoleDeadline: "#ffcf70", RoleP50: "#8a7330", RoleP90: "#c9a640", RoleP99: "#f3dc8a",
	RoleText: "#e6edf3", RoleMuted: "#9aa5b1", RoleAlert: "#ff4f70",
}

// Backgrounds are the page backgrounds the palettes are drawn on.
const (
	LightBackground = "#ffffff"
	DarkBackground  = "#0d1117"
)

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
