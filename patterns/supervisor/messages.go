package supervisor

import "context"

// message is what the loop receives: a closed set of types, one per request
// or report, so the loop's switch covers them all.
type message interface{ isMessage() }

// startChild asks for a new child; the reply is its id or an error.
type startChild struct {
	fn      func(context.Context) error
	init    Init       // StartChildInit: fn is nil, the start step gives it
	started chan error // StartChildInit: how the start step went; buffered
	spec    spec
	reply   chan startReply // buffered: the loop never waits on a caller
}

type startReply struct {
	id  ID
	err error
}

// terminateChild asks for a child to be stopped and not restarted; the reply
// comes once it has returned or been abandoned.
type terminateChild struct {
	id    ID
	reply chan error // buffered
}

// whichChildren and countChildren ask for the supervisor's state.
type whichChildren struct{ reply chan []ChildInfo }

type countChildren struct{ reply chan Counts }

// childExited is a child's goroutine reporting how one incarnation ended.
type childExited struct {
	id          ID
	incarnation int
	err         error
	panicked    bool // err is an exit: a panic or runtime.Goexit
}

func (startChild) isMessage()     {}
func (terminateChild) isMessage() {}
func (whichChildren) isMessage()  {}
func (countChildren) isMessage()  {}
func (childExited) isMessage()    {}
