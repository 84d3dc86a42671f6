package pool_test

import (
	"context"
	"testing"

	"github.com/concurrency-patterns/playground/patterns/pool"
)

func benchPool(b *testing.B, opts ...pool.Option) *pool.Pool[int] {
	p, err := pool.New(context.Background(), func(context.Context) (int, error) { return 0, nil }, nil, opts...)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(p.Close)
	return p
}

// BenchmarkCheckoutCheckin is the path most calls take: an idle worker.
func BenchmarkCheckoutCheckin(b *testing.B) {
	p := benchPool(b)
	ctx := context.Background()
	for b.Loop() {
		w, err := p.Checkout(ctx)
		if err != nil {
			b.Fatal(err)
		}
		p.Checkin(w)
	}
}

func BenchmarkTransaction(b *testing.B) {
	p := benchPool(b)
	ctx := context.Background()
	fn := func(context.Context, int) error { return nil }
	for b.Loop() {
		_ = p.Transaction(ctx, fn)
	}
}

// BenchmarkChannelFloor is the hand-written baseline: a buffered channel of
// idle workers.
func BenchmarkChannelFloor(b *testing.B) {
	idle := make(chan int, 5)
	for i := range 5 {
		idle <- i
	}
	for b.Loop() {
		w := <-idle
		idle <- w
	}
}

// BenchmarkContended has eight goroutines per P share two workers, so most
// of them wait and are handed a worker by a check-in.
func BenchmarkContended(b *testing.B) {
	p := benchPool(b, pool.Size(2), pool.MaxOverflow(0), pool.NoTimeout())
	b.SetParallelism(8)
	b.RunParallel(func(pb *testing.PB) {
		ctx := context.Background()
		for pb.Next() {
			w, err := p.Checkout(ctx)
			if err != nil {
				b.Error(err)
				return
			}
			p.Checkin(w)
		}
	})
}
