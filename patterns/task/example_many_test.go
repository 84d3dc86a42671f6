package task_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/task"
)

// Fan out, fan in: Task.await_many. A value already at hand joins the
// others as a completed task.
func ExampleAwaitMany() {
	sup, _ := task.NewSupervisor()
	defer sup.Stop()

	square := func(n int) func(context.Context) (int, error) {
		return func(context.Context) (int, error) { return n * n, nil }
	}
	a, _ := task.Async(sup, square(3))
	b, _ := task.Async(sup, square(4))
	squares, err := task.AwaitMany(context.Background(), task.Completed(1), a, b)
	fmt.Println(squares, err)
	// Output: [1 9 16] <nil>
}

// Gather what arrives within the time allowed and shut the rest down:
// Task.yield_many with on_timeout: :kill_task.
func ExampleYieldMany() {
	sup, _ := task.NewSupervisor()
	defer sup.Stop()

	fast, _ := task.Async(sup, func(context.Context) (string, error) { return "fast", nil })
	slow, _ := task.Async(sup, func(ctx context.Context) (string, error) {
		<-ctx.Done() // far too slow: it only stops when told to
		return "", ctx.Err()
	})
	<-fast.Done()
	out, _ := task.YieldMany(context.Background(), []*task.Task[string]{fast, slow},
		task.Within(10*time.Millisecond), task.OnTimeout(task.KillTask))
	for _, o := range out {
		fmt.Printf("%q done=%v\n", o.Value, o.Done)
	}
	<-slow.Done()
	fmt.Println("running:", sup.Count())
	// Output:
	// "fast" done=true
	// "" done=false
	// running: 0
}

// A transient task is started again when it fails, and left alone once it
// succeeds: Task.Supervisor.start_child with restart: :transient.
func ExampleStartChild() {
	sup, _ := task.NewSupervisor()
	defer sup.Stop()

	attempts := 0
	done := make(chan struct{})
	_, err := task.StartChild(sup, func(context.Context) error {
		attempts++
		if attempts < 3 {
			return errors.New("not yet")
		}
		close(done)
		return nil
	}, task.WithRestart(task.Transient))
	fmt.Println(err)
	<-done
	fmt.Println("attempts:", attempts)
	// Output:
	// <nil>
	// attempts: 3
}

// A supervisor one can manage: list its tasks and stop one of them.
func ExampleSupervisor_TerminateChild() {
	sup, _ := task.NewSupervisor()
	defer sup.Stop()

	serve := func(ctx context.Context) error { <-ctx.Done(); return ctx.Err() }
	first, _ := task.StartChild(sup, serve, task.WithRestart(task.Permanent))
	second, _ := task.StartChild(sup, serve, task.WithShutdown(time.Second))
	fmt.Println(sup.Children(), first, second)
	fmt.Println(sup.TerminateChild(first))
	fmt.Println(sup.Children())
	fmt.Println(sup.TerminateChild(first))
	// Output:
	// [0 1] 0 1
	// <nil>
	// [1]
	// task: no such task
}

// Check on a task and leave it running if it is not done: the
// `Task.yield(task, t) || Task.ignore(task)` idiom.
func ExampleTask_Ignore() {
	sup, _ := task.NewSupervisor()
	defer sup.Stop()

	report, _ := task.Async(sup, func(ctx context.Context) (string, error) {
		<-ctx.Done() // a report that takes its time
		return "", ctx.Err()
	})
	if _, _, ok := report.Yield(context.Background(), time.Millisecond); !ok {
		report.Ignore()
	}
	_, err := report.Await(context.Background())
	fmt.Println(err)
	// Output: task: the task was ignored by its owner
}

// A value already known stands in for a task: Task.completed.
func ExampleCompleted() {
	cached := task.Completed("from the cache")
	v, err := cached.Await(context.Background())
	fmt.Println(v, err)
	// Output: from the cache <nil>
}

// Await gives up after the supervisor's await timeout, 5 s by default as
// Task.await's; the task goes on and can be awaited again.
func ExampleAwaitTimeout() {
	sup, _ := task.NewSupervisor(task.AwaitTimeout(10 * time.Millisecond))
	defer sup.Stop()

	release := make(chan struct{})
	slow, _ := task.Async(sup, func(context.Context) (string, error) { <-release; return "done", nil })
	_, err := slow.Await(context.Background())
	fmt.Println(errors.Is(err, task.ErrTimeout))
	close(release)
	<-slow.Done()
	fmt.Println(slow.Await(context.Background()))
	// Output:
	// true
	// done <nil>
}

// A permanent task that keeps failing is restarted until the intensity is
// spent; then the supervisor stops itself, and Err says why.
func ExampleMaxRestarts() {
	gaveUp := make(chan struct{})
	sup, _ := task.NewSupervisor(task.MaxRestarts(2, time.Minute), task.WithHook(func(e event.Event) {
		if e.Kind == event.IntensityReached {
			close(gaveUp)
		}
	}))
	defer sup.Stop()

	runs := 0
	task.StartChild(sup, func(context.Context) error {
		runs++
		return errors.New("cannot connect")
	}, task.WithRestart(task.Permanent))
	<-gaveUp
	fmt.Println(runs, "runs:", errors.Is(sup.Err(), task.ErrMaxIntensity))
	// Output: 3 runs: true
}

// Work on a goroutine of one's own can still count among a supervisor's
// children, as package stream's tasks do.
func ExampleSupervisor_Enroll() {
	sup, _ := task.NewSupervisor(task.MaxChildren(1))
	defer sup.Stop()

	ctx, cancel := context.WithCancelCause(context.Background())
	lease, _ := sup.Enroll(cancel, time.Second)
	done := make(chan struct{})
	go func() { // the work, stopped through its context
		defer close(done)
		<-ctx.Done()
		lease.Done(context.Cause(ctx))
	}()
	_, err := task.Async(sup, func(context.Context) (int, error) { return 1, nil })
	fmt.Println(err)
	fmt.Println(sup.TerminateChild(lease.ID()))
	<-done
	fmt.Println(sup.Count())
	// Output:
	// task: max children reached
	// <nil>
	// 0
}
