package scenario

import "github.com/concurrency-patterns/playground/patterns/event"

// Kinds only the simulated workloads report, in the block package event
// leaves to programs, named so that a trace file can carry them.
var (
	// Died: a panic in a bare goroutine ended the whole program (tasks,
	// mode=bare). ID is the task that panicked.
	Died = event.NameKind(event.CustomKinds, "died")

	// The spawning scenario's kinds. ID is the request; Slot is the
	// handler's lane, the lowest free one.

	// RequestArrived: a request came in. N is how many wait for a handler,
	// this one included (0 when a handler starts for it at once).
	RequestArrived = event.NameKind(event.CustomKinds+1, "request_arrived")
	// HandlerStarted: a goroutine began handling the request. N is the
	// count of live handler goroutines.
	HandlerStarted = event.NameKind(event.CustomKinds+2, "handler_started")
	// HandlerDone: the handler answered and its goroutine returned. N is
	// the count of live handler goroutines.
	HandlerDone = event.NameKind(event.CustomKinds+3, "handler_done")
	// RequestShed: the queue was full, so the request was answered "busy"
	// at once without a handler. N is the queue's length.
	RequestShed = event.NameKind(event.CustomKinds+4, "request_shed")
	// OutOfMemory: the process needed more memory than its budget and
	// died, with every request it held. N is the KiB it needed; Err says
	// so in words.
	OutOfMemory = event.NameKind(event.CustomKinds+5, "out_of_memory")
)

// The consumer supervisor scenario's kinds, reported by each child for its
// job, so that a view can tell the children apart (the library's
// child_started and child_exited name the supervisor, not the event). ID
// is the job; Slot is the child's lane, the lowest free one; N is the
// job's attempt, from 0.
var (
	// JobBegan: a child began work on the job.
	JobBegan = event.NameKind(event.CustomKinds+6, "job_began")
	// JobEnded: the child's work ended; Err is empty for a normal exit,
	// else the error it returned or the panic it is about to raise, or the
	// cancellation that stopped it.
	JobEnded = event.NameKind(event.CustomKinds+7, "job_ended")
)
