package limiter_test

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/limiter"
)

func Example() {
	l, err := limiter.New(2)
	if err != nil {
		fmt.Println(err)
		return
	}
	var mu sync.Mutex
	running, peak := 0, 0
	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() {
			_ = l.Do(context.Background(), func(context.Context) error {
				mu.Lock()
				running++
				peak = max(peak, running)
				mu.Unlock()
				runtime.Gosched() // the work the bound protects
				mu.Lock()
				running--
				mu.Unlock()
				return nil
			})
		})
	}
	wg.Wait()
	fmt.Println("never more than 2 at once:", peak <= 2)
	// Output:
	// never more than 2 at once: true
}

func ExampleLimiter_Acquire() {
	l, _ := limiter.New(1)
	_ = l.Acquire(context.Background()) // someone holds the only slot
	fmt.Println("full:", !l.TryAcquire())

	go l.Release() // … and gives it back soon

	// Bound the wait: past the deadline, Acquire leaves the queue and
	// returns context.DeadlineExceeded.
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := l.Acquire(ctx); err != nil {
		fmt.Println(err)
		return
	}
	defer l.Release()
	fmt.Println("acquired; waiting:", l.Status().Waiting)
	// Output:
	// full: true
	// acquired; waiting: 0
}

func ExampleLimiter_Do_panic() {
	l, _ := limiter.New(1)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		_ = l.Do(context.Background(), func(context.Context) error { panic("holder crashed") })
	}()
	fmt.Println("slot free again:", l.TryAcquire())
	// Output:
	// recovered: holder crashed
	// slot free again: true
}

func ExampleWithHook() {
	l, _ := limiter.New(1, limiter.WithHook(func(e event.Event) {
		fmt.Println(e.Kind, "caller", e.ID, "slot", e.Slot)
	}))
	ctx := limiter.WithCaller(context.Background(), 7)
	_ = l.Do(ctx, func(context.Context) error { return nil })
	// Output:
	// acquired caller 7 slot 0
	// released caller 7 slot 0
}
