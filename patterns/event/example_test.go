package event_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/stream"
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

// ExampleRecorder records what a stream did through its hook, then reads
// the trace: every kind of step the stream took, in the order it first
// took it, with how often it did, up to the halt that ends every run.
func ExampleRecorder() {
	rec := event.NewRecorder(time.Now())
	double := func(_ context.Context, n int) (int, error) { return 2 * n, nil }
	s, err := stream.New(double, stream.MaxConcurrency(1), stream.WithHook(rec.Hook()))
	if err != nil {
		panic(err)
	}
	for range s.Run(context.Background(), slices.Values([]int{1, 2, 3})) {
	}
	var order []event.Kind
	count := map[event.Kind]int{}
	for _, r := range rec.Records() {
		if count[r.Kind] == 0 {
			order = append(order, r.Kind)
		}
		count[r.Kind]++
	}
	for _, k := range order {
		fmt.Println(k, count[k])
	}
	// Output:
	// pulled 3
	// started 3
	// finished 3
	// emitted 3
	// halted 1
}
