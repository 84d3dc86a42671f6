package event

// Kinds of the spawning scenario, which compares a goroutine per request
// with a bounded set of handlers. ID is the request; Slot is the handler's
// lane, the lowest free one.
const (
	RequestArrived Kind = spawnKinds + iota // a request came in; N is how many wait for a handler, this one included
	HandlerStarted                          // a goroutine began handling the request; N is the count of live handler goroutines
	HandlerDone                             // the handler goroutine returned; N is the count of live handler goroutines
)

var _ = names(map[Kind]string{
	RequestArrived: "request_arrived",
	HandlerStarted: "handler_started",
	HandlerDone:    "handler_done",
})
