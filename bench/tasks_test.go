package bench

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/alitto/pond/v2"
	"github.com/panjf2000/ants/v2"
	concpool "github.com/sourcegraph/conc/pool"
	concstream "github.com/sourcegraph/conc/stream"
	"golang.org/x/sync/errgroup"
	"golang.org/x/sync/semaphore"

	"github.com/concurrency-patterns/playground/patterns/stream"
)

// tasks is how many tasks one benchmark operation runs.
const tasks = 10_000

// runner runs `tasks` calls of body with at most n at once and consumes
// every result.
type runner func(n int, body func(int) int)

var runners = []struct {
	name string
	run  runner
}{
	{"floor", floorUnordered},
	{"floor-ordered", floorOrdered},
	{"floor-lazy", floorLazy},
	{"stream", ourStream(stream.Unordered())},
	{"stream-ordered", ourStream()},
	{"stream-notimeout", ourStream(stream.Unordered(), stream.NoTimeout())},
	{"stream-ordered-notimeout", ourStream(stream.NoTimeout())},
	{"goroutines-chansem", goroutinesChanSem},
	{"errgroup", errgroupLimit},
	{"semaphore", xSemaphore},
	{"conc-pool", concPool},
	{"conc-stream", concStream},
	{"ants", antsPool},
	{"pond", pondResults},
}

func BenchmarkTasks(b *testing.B) {
	bodies := []struct {
		name string
		fn   func(int) int
	}{
		{"empty", func(i int) int { return i }},
		{"sleep100us", func(i int) int { time.Sleep(100 * time.Microsecond); return i }},
	}
	for _, body := range bodies {
		for _, n := range []int{1, 8, 64} {
			if body.name != "empty" && n == 1 {
				continue // 10,000 sequential 1.1 ms sleeps say nothing about overhead
			}
			for _, r := range runners {
				b.Run(fmt.Sprintf("body=%s/conc=%d/impl=%s", body.name, n, r.name), func(b *testing.B) {
					for b.Loop() {
						r.run(n, body.fn)
					}
					b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*tasks), "ns/task")
					b.ReportMetric(0, "ns/op")
				})
			}
		}
	}
}

// floorUnordered is the hand-written lower bound: n reused workers that
// recover panics and stream results back on a channel.
func floorUnordered(n int, body func(int) int) { floor(n, body, false) }

func floorOrdered(n int, body func(int) int) { floor(n, body, true) }

func floor(n int, body func(int) int, ordered bool) {
	jobs := make(chan int, n)
	results := make(chan [2]int, n)
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			for j := range jobs {
				func() {
					defer func() { _ = recover() }()
					results <- [2]int{j, body(j)}
				}()
			}
		})
	}
	go func() {
		for i := range tasks {
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
		for ; ; next++ {
			if _, ok := pending[next]; !ok {
				break
			}
			delete(pending, next)
		}
	}
}

// floorLazy is the hand-written lower bound for a lazy stream: the same
// workers, but the consumer reads the next input only when a result has
// freed a slot, as Elixir's async_stream does, so nothing is read ahead. With
// one slot, consumer and worker strictly take turns.
func floorLazy(n int, body func(int) int) {
	jobs := make(chan int, n)
	results := make(chan [2]int, n)
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			for j := range jobs {
				func() {
					defer func() { _ = recover() }()
					results <- [2]int{j, body(j)}
				}()
			}
		})
	}
	active := 0
	for i := range tasks {
		if active == n {
			<-results
			active--
		}
		jobs <- i
		active++
	}
	close(jobs)
	for range active {
		<-results
	}
	wg.Wait()
}

func inputs(yield func(int) bool) {
	for i := range tasks {
		if !yield(i) {
			return
		}
	}
}

func ourStream(opts ...stream.Option) runner {
	return func(n int, body func(int) int) {
		s, err := stream.New(func(_ context.Context, i int) (int, error) { return body(i), nil },
			append([]stream.Option{stream.MaxConcurrency(n)}, opts...)...)
		if err != nil {
			panic(err)
		}
		for range s.Run(context.Background(), inputs) {
		}
	}
}

func goroutinesChanSem(n int, body func(int) int) {
	sem := make(chan struct{}, n)
	results := make(chan int, n)
	var wg sync.WaitGroup
	go func() {
		for i := range tasks {
			sem <- struct{}{}
			wg.Go(func() {
				defer func() { <-sem }()
				results <- body(i)
			})
		}
		wg.Wait()
		close(results)
	}()
	for range results {
	}
}

func errgroupLimit(n int, body func(int) int) {
	var g errgroup.Group
	g.SetLimit(n)
	var mu sync.Mutex
	sum := 0
	for i := range tasks {
		g.Go(func() error {
			v := body(i)
			mu.Lock()
			sum += v
			mu.Unlock()
			return nil
		})
	}
	_ = g.Wait()
}

func xSemaphore(n int, body func(int) int) {
	sem := semaphore.NewWeighted(int64(n))
	ctx := context.Background()
	var wg sync.WaitGroup
	var mu sync.Mutex
	sum := 0
	for i := range tasks {
		_ = sem.Acquire(ctx, 1)
		wg.Go(func() {
			defer sem.Release(1)
			v := body(i)
			mu.Lock()
			sum += v
			mu.Unlock()
		})
	}
	wg.Wait()
}

func concPool(n int, body func(int) int) {
	p := concpool.NewWithResults[int]().WithMaxGoroutines(n)
	for i := range tasks {
		p.Go(func() int { return body(i) })
	}
	_ = p.Wait()
}

func concStream(n int, body func(int) int) {
	s := concstream.New().WithMaxGoroutines(n)
	sum := 0
	for i := range tasks {
		s.Go(func() concstream.Callback {
			v := body(i)
			return func() { sum += v }
		})
	}
	s.Wait()
}

func antsPool(n int, body func(int) int) {
	p, _ := ants.NewPool(n)
	defer p.Release()
	var wg sync.WaitGroup
	var mu sync.Mutex
	sum := 0
	for i := range tasks {
		wg.Add(1)
		_ = p.Submit(func() {
			defer wg.Done()
			v := body(i)
			mu.Lock()
			sum += v
			mu.Unlock()
		})
	}
	wg.Wait()
}

func pondResults(n int, body func(int) int) {
	p := pond.NewResultPool[int](n)
	defer p.StopAndWait()
	g := p.NewGroup()
	for i := range tasks {
		g.Submit(func() int { return body(i) })
	}
	_, _ = g.Wait()
}
