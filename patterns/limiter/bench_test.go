package limiter_test

import (
	"context"
	"testing"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/limiter"
)

// The uncontended path is what most calls take; x/sync's semaphore.Weighted
// is the bar it must clear (compared side by side in a separate bench module,
// so that the library does not depend on x/sync). A buffered channel is the
// hand-written floor.

func BenchmarkAcquireRelease(b *testing.B) {
	l, _ := limiter.New(1)
	ctx := context.Background()
	for b.Loop() {
		if err := l.Acquire(ctx); err != nil {
			b.Fatal(err)
		}
		l.Release()
	}
}

func BenchmarkTryAcquireRelease(b *testing.B) {
	l, _ := limiter.New(1)
	for b.Loop() {
		if !l.TryAcquire() {
			b.Fatal("full")
		}
		l.Release()
	}
}

func BenchmarkDo(b *testing.B) {
	l, _ := limiter.New(1)
	ctx := context.Background()
	fn := func(context.Context) error { return nil }
	for b.Loop() {
		_ = l.Do(ctx, fn)
	}
}

func BenchmarkDoHooked(b *testing.B) {
	n := 0
	l, _ := limiter.New(1, limiter.WithHook(func(event.Event) { n++ }))
	ctx := limiter.WithCaller(context.Background(), 1)
	fn := func(context.Context) error { return nil }
	for b.Loop() {
		_ = l.Do(ctx, fn)
	}
}

func BenchmarkChannelFloor(b *testing.B) {
	sem := make(chan struct{}, 1)
	for b.Loop() {
		sem <- struct{}{}
		<-sem
	}
}

// BenchmarkContended has eight goroutines per P take and give back one slot,
// so most of them queue and are handed the slot by a release.
func BenchmarkContended(b *testing.B) {
	l, _ := limiter.New(1)
	b.SetParallelism(8)
	b.RunParallel(func(pb *testing.PB) {
		ctx := context.Background()
		for pb.Next() {
			if err := l.Acquire(ctx); err != nil {
				b.Error(err)
				return
			}
			l.Release()
		}
	})
}
