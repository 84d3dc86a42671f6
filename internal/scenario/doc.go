// Package scenario runs the patterns on seeded, simulated workloads under a
// virtual clock, for the playground to record and replay.
//
// A [Scenario] describes its parameters ([Param]: name, range, default and
// help), so the same description validates a URL query, draws the form and
// documents the page. [Scenario.Parse] turns raw strings into [Values] or
// into [FieldError]s that name the parameter and its allowed range.
// [Scenario.Start] begins a [Run], which moves only when its owner calls
// [Run.Step] at a quiescent moment (see package clock).
//
// Workloads draw every random choice for an item from the seed and the
// item's index alone, so an item's duration and fate do not depend on the
// order goroutines were scheduled in. The steps only a simulated workload
// takes (a request arriving, a process dying) are reported with kinds of
// its own, named through event.NameKind (kinds.go).
package scenario
