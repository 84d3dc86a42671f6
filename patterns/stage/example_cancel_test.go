package stage_test

import (
	"context"
	"fmt"

	"github.com/concurrency-patterns/playground/patterns/stage"
)

// A consumer fed by two producers, subscribed transient as Broadway
// subscribes its stages: a producer that finishes takes away its
// subscription, not the consumer, which drains the other. It cancels the
// second from its own function once it has seen enough.
func ExampleConsumer_Cancel() {
	pl, _ := stage.New()
	short, _ := stage.NewProducer(pl, numbers(3))
	long, _ := stage.NewProducer(pl, numbers(1_000_000))
	seen, shortEnded := 0, false
	var c *stage.Consumer[int]
	c, _ = stage.NewConsumer(pl, func(ctx context.Context, events []int) error {
		seen += len(events)
		if seen >= 20 && shortEnded {
			return c.Cancel(long, nil) // enough: nothing more of long reaches this function
		}
		return nil
	}, stage.MaxDemand(10), stage.HandleCancel(func(ctx context.Context, producer int, reason error) {
		// Called on the consumer's goroutine, like the function above.
		shortEnded = shortEnded || producer == short.ID()
		fmt.Println("subscription to stage", producer, "ended; reason:", reason)
	}))
	_ = c.SubscribeTo(short, stage.Cancel(stage.CancelTransient))
	_ = c.SubscribeTo(long, stage.Cancel(stage.CancelTransient))
	err := pl.Run(context.Background())
	fmt.Println("pipeline:", err, "at least 20 seen:", seen >= 20)
	// Output:
	// subscription to stage 0 ended; reason: <nil>
	// subscription to stage 1 ended; reason: <nil>
	// pipeline: <nil> at least 20 seen: true
}
