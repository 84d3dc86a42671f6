package event

// Kind says what happened. The set is closed: every pattern's kinds are
// listed here so a trace can be read without knowing which pattern made it.
type Kind uint8

// Kinds of the bounded stream.
const (
	_         Kind = iota
	Pulled         // an input was taken from the source
	Started        // a task began in a slot
	Finished       // a task returned a value
	Failed         // a task returned its own error
	Panicked       // a task panicked; Err carries the panic and stack
	TimedOut       // a task ran past its timeout
	Emitted        // a result was handed to the consumer
	Cancelled      // a running task's context was cancelled
	Abandoned      // a cancelled task outlived its shutdown time
	Halted         // the stream stopped; Err says why when it was not exhausted
	kindCount
)

var kindNames = [kindCount]string{
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
}

func (k Kind) String() string {
	if k > 0 && k < kindCount && kindNames[k] != "" {
		return kindNames[k]
	}
	return "unknown"
}

// ParseKind returns the kind named s, as written by [Kind.String].
func ParseKind(s string) (Kind, bool) {
	for k, name := range kindNames {
		if name == s && name != "" {
			return Kind(k), true
		}
	}
	return 0, false
}
