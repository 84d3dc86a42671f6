package supervisor_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/supervisor"
	"github.com/concurrency-patterns/playground/patterns/task"
)

func nothing(ctx context.Context) error { return nil }

// floorGo is the hand-written baseline for a start: a goroutine that
// recovers its panic, with an owner that waits for it.
func floorGo(wg *sync.WaitGroup, ctx context.Context, fn func(context.Context) error) {
	wg.Go(func() {
		defer func() {
			if p := recover(); p != nil {
				_ = task.Recovered(p)
			}
		}()
		_ = fn(ctx)
	})
}

// BenchmarkStartChild: a temporary child that returns at once, started and
// reaped; the floor is a bare owned goroutine.
func BenchmarkStartChild(b *testing.B) {
	ctx := context.Background()
	b.Run("floor", func(b *testing.B) {
		var wg sync.WaitGroup
		for b.Loop() {
			floorGo(&wg, ctx, nothing)
		}
		wg.Wait()
	})
	b.Run("supervisor", func(b *testing.B) {
		sup, _ := supervisor.Start(ctx)
		temporary := supervisor.WithRestart(supervisor.Temporary)
		for b.Loop() {
			if _, err := sup.StartChild(ctx, nothing, temporary); err != nil {
				b.Fatal(err)
			}
		}
		if err := sup.Stop(ctx); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkRestart: a permanent child that returns at once, restarted b.N
// times; the floor is a loop that starts a goroutine when the last one ends.
func BenchmarkRestart(b *testing.B) {
	ctx := context.Background()
	b.Run("floor", func(b *testing.B) {
		exits := make(chan struct{})
		for b.Loop() {
			go func() {
				defer func() { exits <- struct{}{} }()
				_ = nothing(ctx)
			}()
			<-exits
		}
	})
	b.Run("supervisor", func(b *testing.B) {
		enough := make(chan struct{})
		starts := 0
		hook := func(e event.Event) {
			if e.Kind == event.ChildStarted {
				if starts++; starts == b.N {
					close(enough)
				}
			}
		}
		b.ResetTimer()
		sup, _ := supervisor.Start(ctx, supervisor.MaxRestarts(b.N, time.Hour), supervisor.WithHook(hook))
		if _, err := sup.StartChild(ctx, nothing); err != nil {
			b.Fatal(err)
		}
		<-enough
		b.StopTimer()
		if err := sup.Stop(ctx); err != nil {
			b.Fatal(err)
		}
	})
}
