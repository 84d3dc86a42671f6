package task_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/concurrency-patterns/playground/patterns/task"
)

func Example() {
	sup, _ := task.NewSupervisor(task.MaxChildren(100))
	defer sup.Stop()

	risky, _ := task.Async(sup, func(ctx context.Context) (string, error) {
		var m map[string]int
		//lint:ignore SA5000 the example shows such a panic being contained
		m["boom"]++ // a nil-map panic, contained in the task
		return "unreachable", nil
	})
	_, err := risky.Await(context.Background())
	var exit *task.ExitError
	fmt.Println("exited:", errors.As(err, &exit))

	quick, _ := task.Async(sup, func(ctx context.Context) (string, error) { return "fine", nil })
	v, err := quick.YieldOrShutdown(context.Background(), time.Second)
	fmt.Println(v, err)
	// Output:
	// exited: true
	// fine <nil>
}

// The one-call form of `Task.yield(task, ms) || Task.shutdown(task)`: the
// reply if it comes in time, else the task is shut down and the error says
// it timed out.
func ExampleTask_YieldOrShutdown() {
	sup, _ := task.NewSupervisor(task.Shutdown(time.Second))
	defer sup.Stop()

	slow, _ := task.Async(sup, func(ctx context.Context) (string, error) {
		select {
		case <-time.After(time.Hour):
			return "too late", nil
		case <-ctx.Done(): // shut down: give up at once
			return "", ctx.Err()
		}
	})
	_, err := slow.YieldOrShutdown(context.Background(), time.Millisecond)
	fmt.Println(errors.Is(err, task.ErrTimeout))
	// Output: true
}

// Yield can be asked again and again while the caller does other work.
func ExampleTask_Yield() {
	sup, _ := task.NewSupervisor()
	defer sup.Stop()

	inputs := make(chan int)
	sum, _ := task.Async(sup, func(ctx context.Context) (int, error) {
		total := 0
		for n := range inputs {
			total += n
		}
		return total, nil
	})
	_, _, ok := sum.Yield(context.Background(), 0)
	fmt.Println("done:", ok) // it waits for its inputs
	inputs <- 40
	inputs <- 2
	close(inputs)
	n, err, ok := sum.Yield(context.Background(), time.Second)
	fmt.Println("done:", ok, n, err)
	// Output:
	// done: false
	// done: true 42 <nil>
}

// fireAndForget is the bare way this package replaces: if riskyWork panics,
// nothing recovers it and the whole program exits. It is never called.
func fireAndForget(riskyWork func()) {
	go riskyWork() // no owner, no recover: one panic ends every goroutine
}

// supervised is the same work under a supervisor: a panic becomes this
// task's exit, reported through the hook, and the program goes on.
func supervised(sup *task.Supervisor, riskyWork func()) error {
	return task.Go(sup, func(ctx context.Context) error {
		riskyWork()
		return nil
	})
}

var _, _ = fireAndForget, supervised // shown on the tasks page
