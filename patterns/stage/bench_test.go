package stage_test

import (
	"context"
	"io"
	"sync/atomic"
	"testing"
	"time"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/stage"
)

const benchEvents = 1_000_000

// sequence is a pull producer's function making benchEvents ints, reusing
// its slice (the producer copies).
func sequence() func(context.Context, int) ([]int, error) {
	made := 0
	var buf []int
	return func(ctx context.Context, demand int) ([]int, error) {
		buf = buf[:0]
		for range min(demand, benchEvents-made) {
			buf = append(buf, made)
			made++
		}
		if made == benchEvents {
			return buf, io.EOF
		}
		return buf, nil
	}
}

const wantSum = benchEvents * (benchEvents - 1) / 2

func BenchmarkPipeline(b *testing.B) {
	cases := []struct {
		name      string
		consumers int
		via       bool // through a producer-consumer
		hooked    bool // every step recorded
		opts      []stage.Option
	}{
		{"producer-consumer/default demand", 1, false, false, nil},
		{"producer-consumer/default demand/recorded", 1, false, true, nil},
		{"producer-consumer/max demand 10", 1, false, false, []stage.Option{stage.MaxDemand(10)}},
		{"producer-4 consumers/default demand", 4, false, false, nil},
		{"producer-producer_consumer-consumer/default demand", 1, true, false, nil},
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				var opts []stage.PipelineOption
				if tc.hooked {
					opts = append(opts, stage.WithHook(event.NewRecorder(time.Now()).Hook()))
				}
				pl, _ := stage.New(opts...)
				var src stage.Source[int] = must(stage.NewProducer(pl, sequence()))
				if tc.via {
					pc := must(stage.NewProducerConsumer(pl, func(ctx context.Context, in []int) ([]int, error) {
						return in, nil
					}, tc.opts...))
					_ = pc.SubscribeTo(src)
					src = pc
				}
				var sum atomic.Int64
				for range tc.consumers {
					c := must(stage.NewConsumer(pl, func(ctx context.Context, events []int) error {
						s := 0
						for _, e := range events {
							s += e
						}
						sum.Add(int64(s))
						return nil
					}, tc.opts...))
					_ = c.SubscribeTo(src)
				}
				if err := pl.Run(context.Background()); err != nil {
					b.Fatal(err)
				}
				if sum.Load() != wantSum {
					b.Fatalf("sum %d", sum.Load())
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*benchEvents), "ns/event")
		})
	}
}

// BenchmarkChannel is what to compare with: the same ints through a plain
// buffered channel of capacity 10, one per send.
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
		if sum != wantSum {
			b.Fatalf("sum %d", sum)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*benchEvents), "ns/event")
}
