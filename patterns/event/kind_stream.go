package event

// Kinds of a task's life, reported by the bounded stream (package stream)
// and by supervised tasks (package task); ID is the item or task, Slot the
// stream's lane (-1 for supervised tasks).
const (
	Pulled    Kind = streamKinds + iota // an input was taken from the source
	Started                             // a task began in a slot
	Finished                            // a task returned a value
	Failed                              // a task returned its own error
	Panicked                            // a task panicked; Err carries the panic and stack
	TimedOut                            // a task ran past its timeout
	Emitted                             // a result was handed to the consumer
	Cancelled                           // a running task's context was cancelled
	Abandoned                           // a cancelled task outlived its shutdown time
	Halted                              // the stream stopped; Err says why when it was not exhausted
)

var _ = names(map[Kind]string{
	Pulled:    "pulled",
	Started:   "started",
	Finished:  "finished",
	Failed:    "failed",
	Panicked:  "panicked",
	TimedOut:  "timed_out",
	Emitted:   "emitted",
	Cancelled: "cancelled",
	Abandoned: "abandoned",
	Halted:    "halted",
})
