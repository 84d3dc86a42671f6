package supervisor_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/supervisor"
)

// A child with a start step: the caller of StartChildInit hears how it
// went, as the caller of DynamicSupervisor.start_child gets {:ok, pid},
// :ignore or {:error, reason}.
func ExampleSupervisor_StartChildInit() {
	ctx := context.Background()
	sup, _ := supervisor.Start(ctx)
	defer sup.Stop(ctx)

	serve := func(ctx context.Context) error { <-ctx.Done(); return ctx.Err() }
	connect := func(addr string) supervisor.Init {
		return func(context.Context) (func(context.Context) error, error) {
			switch addr {
			case "":
				return nil, supervisor.ErrIgnore // nothing to connect to: no child
			case "bad":
				return nil, errors.New("connection refused")
			}
			return serve, nil
		}
	}
	for _, addr := range []string{"db:5432", "", "bad"} {
		id, err := sup.StartChildInit(ctx, connect(addr))
		fmt.Println(id, err)
	}
	children, _ := sup.WhichChildren(ctx)
	fmt.Println(len(children), "child")
	// Output:
	// 0 <nil>
	// -1 supervisor: child start ignored
	// -1 supervisor: child 2 failed to start: connection refused
	// 1 child
}

// A transient child that is done stops itself with a shutdown reason: it
// is not restarted, and the reason it gave is the one reported.
func ExampleShutdownError() {
	ctx := context.Background()
	removed := make(chan struct{})
	sup, _ := supervisor.Start(ctx, supervisor.WithHook(func(e event.Event) {
		switch e.Kind {
		case event.ChildShutdown:
			fmt.Println(e.Kind, "-", e.Err, "-", supervisor.ExitOf(e.Err, false))
		case event.ChildRemoved:
			close(removed)
		}
	}))
	defer sup.Stop(ctx)

	drain := func(ctx context.Context) error {
		// … work until the queue is empty, then:
		return &supervisor.ShutdownError{Reason: "queue drained"}
	}
	sup.StartChild(ctx, drain, supervisor.WithRestart(supervisor.Transient))
	<-removed
	// Output: child_shutdown - shutdown: queue drained - shutdown with a reason
}
