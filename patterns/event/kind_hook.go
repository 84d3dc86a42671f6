package event

// Kinds about the hook itself, which any pattern may report.
const (
	// HookPanicked: the hook panicked on the event it was handed. The
	// pattern recovered the panic and went on; Err is a *[HookPanic] that
	// holds that event, the panic's value and the hook's stack. ID and Slot
	// are the event's.
	HookPanicked Kind = hookKinds + iota
)

var _ = names(map[Kind]string{
	HookPanicked: "hook_panicked",
})
