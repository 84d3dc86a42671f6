package stream_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/concurrency-patterns/playground/patterns/stream"
)

const benchTasks = 10_000

func empty(ctx context.Context, n int) (int, error) { return n, nil }

func inputs(yield func(int) bool) {
	for i := range benchTasks {
		if !yield(i) {
			return
		}
	}
}

// floor is the hand-written baseline: n reused workers that recover panics
// and stream results back on a channel, optionally reordered.
func floor(n int, ordered bool) {
	jobs := make(chan int, n)
	results := make(chan [2]int, n)
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			for j := range jobs {
				func() {
					defer func() { _ = recover() }()
					v, _ := empty(context.Background(), j)
					results <- [2]int{j, v}
				}()
			}
		})
	}
	go func() {
		for i := range benchTasks {
			jobs <- i
		}
		close(jobs)
		wg.Wait()
		close(results)
	}()
	pending := map[int]int{}
	next := 0
	for r := range results {
		if !ordered {
			continue
		}
		pending[r[0]] = r[1]
		for {
			if _, ok := pending[next]; !ok {
				break
			}
			delete(pending, next)
			next++
		}
	}
}

func BenchmarkStream(b *testing.B) {
	for _, n := range []int{1, 8, 64} {
		for _, ordered := range []bool{false, true} {
			name := fmt.Sprintf("conc=%d/ordered=%v", n, ordered)
			b.Run("floor/"+name, func(b *testing.B) {
				for b.Loop() {
					floor(n, ordered)
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*benchTasks), "ns/task")
			})
			for _, timeout := range []bool{true, false} {
				opts := []stream.Option{stream.MaxConcurrency(n)}
				if !ordered {
					opts = append(opts, stream.Unordered())
				}
				if !timeout {
					opts = append(opts, stream.NoTimeout())
				}
				s, _ := stream.New(empty, opts...)
				b.Run(fmt.Sprintf("stream/timeout=%v/%s", timeout, name), func(b *testing.B) {
					for b.Loop() {
						for range s.Run(context.Background(), inputs) {
						}
					}
					b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*benchTasks), "ns/task")
				})
			}
		}
	}
}
