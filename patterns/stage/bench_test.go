package stage_test

import (
	"context"
	"io"
	"testing"

	"github.com/concurrency-patterns/playground/patterns/stage"
)

const benchEvents = 1_000_000

// BenchmarkPipeline moves 1,000,000 ints from a producer to a consumer with
// the default demands (max 1000, min 500).
func BenchmarkPipeline(b *testing.B) {
	for b.Loop() {
		pl, _ := stage.New()
		made := 0
		buf := make([]int, 0, stage.DefaultMaxDemand)
		src, _ := stage.NewProducer(pl, func(ctx context.Context, demand int) ([]int, error) {
			buf = buf[:0]
			for range min(demand, benchEvents-made) {
				buf = append(buf, made)
				made++
			}
			if made == benchEvents {
				return buf, io.EOF
			}
			return buf, nil
		})
		sum := 0
		dst, _ := stage.NewConsumer(pl, func(ctx context.Context, events []int) error {
			for _, e := range events {
				sum += e
			}
			return nil
		})
		if err := dst.SubscribeTo(src); err != nil {
			b.Fatal(err)
		}
		if err := pl.Run(context.Background()); err != nil {
			b.Fatal(err)
		}
		if sum != benchEvents*(benchEvents-1)/2 {
			b.Fatalf("sum %d", sum)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*benchEvents), "ns/event")
}

// BenchmarkChannel is the floor to compare with: the same ints through a
// plain buffered channel of capacity 10, one per send.
func BenchmarkChannel(b *testing.B) {
	for b.Loop() {
		ch := make(chan int, 10)
		go func() {
			for i := range benchEvents {
				ch <- i
			}
			close(ch)
		}()
		sum := 0
		for e := range ch {
			sum += e
		}
		if sum != benchEvents*(benchEvents-1)/2 {
			b.Fatalf("sum %d", sum)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*benchEvents), "ns/event")
}
