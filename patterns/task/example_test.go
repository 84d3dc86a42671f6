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
