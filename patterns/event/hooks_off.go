//go:build nohook

package event

// Enabled is false in this build: patterns report nothing, even to a hook
// that was set. See hooks_on.go.
const Enabled = false
