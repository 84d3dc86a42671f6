package main

import (
	"context"
	"errors"
	"io"
	"strconv"
	"sync"
	"time"

	"github.com/concurrency-patterns/playground/patterns/supervisor"
	"github.com/concurrency-patterns/playground/patterns/trace"
)

// The supervisor's workload: four transient children, each working 10 to
// 30 ms a run. Child i fails its first i%3 runs (the first failure of
// child 2 a panic, the others an error), and the supervisor starts it
// again each time; its next run ends normally, and it is done.
const (
	supervisorChildren = 4
	supervisorShutdown = 50 * time.Millisecond
)

func recordSupervisor(w io.Writer) (tally, error) {
	tw := trace.NewWriter(w, trace.Header{Pattern: "supervisor", Params: map[string]string{
		"children":     strconv.Itoa(supervisorChildren),
		"restart":      "transient",
		"max_restarts": "10",
		"max_seconds":  "5",
		"shutdown":     ms(supervisorShutdown),
		"work_ms_min":  "10",
		"work_ms_max":  "30",
	}})
	ctx := context.Background()
	sup, err := supervisor.Start(ctx, supervisor.MaxRestarts(10, 5*time.Second), supervisor.WithHook(tw.Hook()))
	if err != nil {
		return nil, err
	}
	c := newCounts("children", "crashes")
	var done sync.WaitGroup // each child's last run, the one that ends normally
	runs := 0
	var mu sync.Mutex
	for i := range supervisorChildren {
		run := 0 // the supervisor starts a run only after the last one ended
		child := func(ctx context.Context) error {
			mu.Lock()
			runs++
			mu.Unlock()
			k := run
			run++
			if err := sleep(ctx, between(10, 30)); err != nil {
				return err
			}
			switch {
			case k < i%3 && i == 2 && k == 0:
				c.add("crashes", 1)
				panic("child " + strconv.Itoa(i) + " failed")
			case k < i%3:
				c.add("crashes", 1)
				return errors.New("child " + strconv.Itoa(i) + " failed")
			}
			done.Done()
			return nil
		}
		done.Add(1)
		if _, err := sup.StartChild(ctx, child, supervisor.WithRestart(supervisor.Transient),
			supervisor.Shutdown(supervisorShutdown)); err != nil {
			done.Done()
			continue
		}
		c.add("children", 1)
	}
	done.Wait()
	err = sup.Stop(ctx)
	t := c.tally()
	mu.Lock()
	t["restarts"] = runs - t["children"]
	mu.Unlock()
	if err != nil {
		return t, err
	}
	return t, tw.Close()
}
