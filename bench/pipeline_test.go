package bench

import (
	"context"
	"io"
	"sync/atomic"
	"testing"

	"github.com/concurrency-patterns/playground/patterns/stage"
)

// events is how many events one pipeline benchmark operation moves.
const events = 1_000_000

// BenchmarkPipeline moves a million ints from a producer to a consumer that
// sums them: through a plain buffered channel (one event per send, capacity
// 10), and through a demand-driven stage pair at its default demands.
func BenchmarkPipeline(b *testing.B) {
	b.Run("impl=channel", func(b *testing.B) {
		for b.Loop() {
			ch := make(chan int, 10)
			go func() {
				for i := range events {
					ch <- i
				}
				close(ch)
			}()
			sum := 0
			for v := range ch {
				sum += v
			}
		}
		perEvent(b)
	})
	b.Run("impl=stage", func(b *testing.B) {
		for b.Loop() {
			pl, _ := stage.New()
			made := 0
			var buf []int
			p, _ := stage.NewProducer(pl, func(ctx context.Context, demand int) ([]int, error) {
				buf = buf[:0]
				for range min(demand, events-made) {
					buf = append(buf, made)
					made++
				}
				if made == events {
					return buf, io.EOF
				}
				return buf, nil
			})
			var sum atomic.Int64
			c, _ := stage.NewConsumer(pl, func(ctx context.Context, batch []int) error {
				s := 0
				for _, v := range batch {
					s += v
				}
				sum.Add(int64(s))
				return nil
			})
			_ = c.SubscribeTo(p)
			if err := pl.Run(context.Background()); err != nil {
				b.Fatal(err)
			}
		}
		perEvent(b)
	})
}

func perEvent(b *testing.B) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*events), "ns/event")
	b.ReportMetric(0, "ns/op")
}
