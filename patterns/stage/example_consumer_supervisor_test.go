package stage_test

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/concurrency-patterns/playground/patterns/stage"
	"github.com/concurrency-patterns/playground/patterns/supervisor"
)

// One child per event, at most three at a time; a transient child that
// fails runs again for its event.
func ExampleNewConsumerSupervisor() {
	pl, _ := stage.New()
	jobs, _ := stage.NewProducer(pl, numbers(10))
	var mu sync.Mutex
	tries := map[int]int{}
	done := 0
	cs, _ := stage.NewConsumerSupervisor(pl, func(ctx context.Context, job int) error {
		mu.Lock()
		defer mu.Unlock()
		tries[job]++
		if job == 7 && tries[job] == 1 {
			return errors.New("flaky")
		}
		done++
		return nil
	}, stage.MaxDemand(3), stage.ChildRestart(supervisor.Transient))
	_ = cs.SubscribeTo(jobs)
	err := pl.Run(context.Background())
	st := cs.Stats()
	fmt.Println("pipeline:", err)
	fmt.Println("jobs done:", done, "handled:", st.Handled, "job 7 ran", tries[7], "times")
	// Output:
	// pipeline: <nil>
	// jobs done: 10 handled: 10 job 7 ran 2 times
}
