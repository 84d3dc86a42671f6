package supervisor_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/supervisor"
)

func Example() {
	ctx := context.Background()
	sup, err := supervisor.Start(ctx, supervisor.MaxChildren(2))
	if err != nil {
		fmt.Println(err)
		return
	}
	// A worker that serves until the supervisor stops it.
	serve := func(ctx context.Context) error {
		<-ctx.Done()
		return ctx.Err()
	}
	for range 3 {
		id, err := sup.StartChild(ctx, serve)
		fmt.Println(id, err)
	}
	children, _ := sup.WhichChildren(ctx)
	fmt.Println(len(children), "children")
	fmt.Println(sup.Stop(ctx), "/", sup.Err())
	// Output:
	// 0 <nil>
	// 1 <nil>
	// -1 supervisor: max children reached
	// 2 children
	// <nil> / supervisor: stopped
}

func ExampleWithRestart() {
	ctx := context.Background()
	removed := make(chan struct{})
	sup, _ := supervisor.Start(ctx, supervisor.WithHook(func(e event.Event) {
		switch e.Kind {
		case event.ChildStarted:
			fmt.Println(e.Kind, "incarnation", e.N)
		case event.ChildCrashed, event.ChildExited:
			fmt.Println(e.Kind, e.Err)
		case event.ChildRemoved:
			close(removed)
		}
	}))
	attempts := 0
	// Transient: restarted after a crash, let go after a normal exit.
	sup.StartChild(ctx, func(ctx context.Context) error {
		attempts++
		if attempts == 1 {
			panic("first attempt failed")
		}
		return nil
	}, supervisor.WithRestart(supervisor.Transient))
	<-removed
	sup.Stop(ctx)
	// Output:
	// child_started incarnation 0
	// child_crashed exit: panic: first attempt failed
	// child_started incarnation 1
	// child_exited <nil>
}

func ExampleMaxRestarts() {
	ctx := context.Background()
	sup, _ := supervisor.Start(ctx, supervisor.MaxRestarts(2, time.Minute), supervisor.WithHook(func(e event.Event) {
		fmt.Printf("%s id=%d n=%d\n", e.Kind, e.ID, e.N)
	}))
	sup.StartChild(ctx, func(ctx context.Context) error {
		return errors.New("database unreachable")
	})
	<-sup.Done()
	fmt.Println(errors.Is(sup.Err(), supervisor.ErrMaxIntensity))
	fmt.Println(sup.Err())
	// Output:
	// child_started id=0 n=0
	// child_crashed id=0 n=0
	// restart_window id=-1 n=1
	// child_restarted id=0 n=1
	// child_started id=0 n=1
	// child_crashed id=0 n=1
	// restart_window id=-1 n=2
	// child_restarted id=0 n=2
	// child_started id=0 n=2
	// child_crashed id=0 n=2
	// supervisor_gave_up id=0 n=3
	// child_removed id=0 n=0
	// supervisor_stopping id=-1 n=0
	// supervisor_stopped id=-1 n=0
	// true
	// supervisor: reached max restart intensity: restart 3 within 1m0s refused, for child 0 after database unreachable
}
