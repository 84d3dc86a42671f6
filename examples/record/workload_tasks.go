package main

import (
	"context"
	"io"
	"strconv"
	"time"

	"github.com/concurrency-patterns/playground/patterns/task"
	"github.com/concurrency-patterns/playground/patterns/trace"
)

// The tasks' workload: sixteen tasks started 5 ms apart under a task
// supervisor that runs at most four at once, so a start beyond them is
// refused; each works 10 to 40 ms, and every fifth (from the fourth)
// panics at its end, which fails that task alone.
const (
	tasksItems = 16
	tasksGap   = 5 * time.Millisecond
	tasksMax   = 4
)

func recordTasks(w io.Writer) (tally, error) {
	tw := trace.NewWriter(w, trace.Header{Pattern: "tasks", Params: map[string]string{
		"mode":         "supervised",
		"items":        strconv.Itoa(tasksItems),
		"interval_ms":  ms(tasksGap),
		"max_children": strconv.Itoa(tasksMax),
		"restart":      "temporary",
		"work_ms_min":  "10",
		"work_ms_max":  "40",
		"fail_rate":    "0.2",
	}})
	sup, err := task.NewSupervisor(task.WithHook(tw.Hook()), task.MaxChildren(tasksMax), task.NoAwaitTimeout())
	if err != nil {
		return nil, err
	}
	t := tally{"items": tasksItems, "ok": 0, "crashed": 0, "refused": 0}
	var started []*task.Task[int]
	every(tasksItems, tasksGap, func(i int) {
		tk, err := task.Async(sup, func(ctx context.Context) (int, error) {
			if err := sleep(ctx, between(10, 40)); err != nil {
				return 0, err
			}
			if i%5 == 3 {
				panic("task " + strconv.Itoa(i) + " failed")
			}
			return i, nil
		})
		if err != nil {
			t["refused"]++
			return
		}
		started = append(started, tk)
	})
	for _, tk := range started {
		if _, err := tk.Await(context.Background()); err != nil {
			t["crashed"]++
		} else {
			t["ok"]++
		}
	}
	sup.Stop()
	return t, tw.Close()
}
