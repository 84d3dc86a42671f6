package bench

import (
	"context"
	"testing"

	"golang.org/x/sync/semaphore"

	"github.com/concurrency-patterns/playground/patterns/limiter"
	"github.com/concurrency-patterns/playground/patterns/pool"
)

// BenchmarkAcquireRelease takes and gives back one slot of ten with nobody
// else around: the cost every caller pays.
func BenchmarkAcquireRelease(b *testing.B) {
	ctx := context.Background()
	b.Run("impl=semaphore", func(b *testing.B) {
		sem := semaphore.NewWeighted(10)
		for b.Loop() {
			_ = sem.Acquire(ctx, 1)
			sem.Release(1)
		}
	})
	b.Run("impl=limiter", func(b *testing.B) {
		l, _ := limiter.New(10)
		for b.Loop() {
			_ = l.Acquire(ctx)
			l.Release()
		}
	})
}

// BenchmarkCheckoutCheckin borrows and returns one of five workers: against
// the usual hand-written pool, a buffered channel of workers.
func BenchmarkCheckoutCheckin(b *testing.B) {
	ctx := context.Background()
	b.Run("impl=channel", func(b *testing.B) {
		workers := make(chan int, 5)
		for i := range 5 {
			workers <- i
		}
		for b.Loop() {
			w := <-workers
			workers <- w
		}
	})
	b.Run("impl=pool", func(b *testing.B) {
		p, _ := pool.New(ctx, func(context.Context) (int, error) { return 0, nil }, nil)
		defer p.Close()
		for b.Loop() {
			w, _ := p.Checkout(ctx)
			p.Checkin(w)
		}
	})
}
