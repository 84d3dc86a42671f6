// Package timeoutview is the playground's visual of timeouts (scenario
// "timeout"): each task beside its caller's wait, on one time axis.
//
// A task's row shows the yield window (from its start to the caller's
// deadline), the task running, the shutdown grace after the caller
// cancelled it, and a cap where the caller got its answer: a reply in
// time, a timeout, a late reply kept during the shutdown, or an abandoned
// task. Go cannot kill a goroutine, so an abandoned task's row does not
// end there: a dashed continuation runs on until the goroutine returns by
// itself, which is what really happens in the program.
package timeoutview
