// Package tasksview is the playground's visual of supervised tasks
// (scenario "tasks"): every task as a span on a time axis, packed into as
// few lanes as overlap allows, ending in the colour of its fate.
//
// The visual exists to put two runs of the same workload side by side. In
// supervised mode a panic ends one span in red and the others go on; a
// start beyond max_children is refused at once and shows as a tick on the
// refusals strip. In bare mode the first panic is the death of the whole
// program: a full-height marker at that instant, every span still running
// ends there as lost, and nothing starts after it.
package tasksview
