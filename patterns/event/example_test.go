package event_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/concurrency-patterns/playground/patterns/event"
)

// A program's own kind: a retry of some call, reported through the same
// hook and recorder as the patterns' events.
var CallRetried = event.NameKind(event.CustomKinds, "call_retried")

// ExampleNameKind names a kind of the program's own and records an event
// of it beside a pattern's.
func ExampleNameKind() {
	origin := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	rec := event.NewRecorder(origin)
	hook := rec.Hook()
	hook(event.Event{Time: origin, Kind: event.Started, ID: 1, Slot: 0})
	hook(event.Event{Time: origin.Add(20 * time.Millisecond), Kind: CallRetried, ID: 1, Slot: -1, N: 2, Err: errors.New("connection reset")})
	for _, r := range rec.Records() {
		fmt.Printf("%v %v item %d %q\n", r.At, r.Kind, r.ID, r.Detail)
	}
	k, ok := event.ParseKind("call_retried")
	fmt.Println(k == CallRetried, ok)
	// Output:
	// 0s started item 1 ""
	// 20ms call_retried item 1 "connection reset"
	// true true
}
