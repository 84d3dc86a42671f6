package a

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"time"
)

func withWaitGroup(items []int) {
	var wg sync.WaitGroup
	for _, it := range items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work(it)
		}()
	}
	wg.Wait()
}

func withResult() int {
	ch := make(chan int, 1)
	go func() { ch <- compute() }()
	return <-ch
}

func compute() int { return 1 }

func withClose() {
	done := make(chan struct{})
	go func() {
		defer close(done)
		work(1)
	}()
	<-done
}

func withCancel(ctx context.Context) context.Context {
	ctx, cancel := context.WithCancel(ctx)
	go func() {
		defer cancel()
		work(2)
	}()
	return ctx
}

func withAtomic(flag *atomic.Bool) {
	go func() {
		work(3)
		flag.Store(true)
	}()
}

func withCallback(done func()) {
	go func() {
		defer done()
		work(4)
	}()
}

// A goroutine that recovers contains its own panics.
func withRecover() {
	go func() {
		defer func() {
			if r := recover(); r != nil {
				report(r)
			}
		}()
		work(5)
	}()
}

func report(any) {}

// workers is a worker pool: each reports through results.
func workers(jobs <-chan int, results chan<- int) {
	for range 4 {
		go worker(jobs, results)
	}
}

func worker(jobs <-chan int, results chan<- int) {
	for j := range jobs {
		results <- j * 2
	}
}

// afterFunc is a timer callback, no go statement.
func afterFunc() *time.Timer {
	return time.AfterFunc(time.Second, func() { work(6) })
}

// A goroutine that only touches memory calls nothing that can panic.
func noCalls(x *int) {
	go func() { *x = 1 }()
}

// sup is the shape of a task supervisor: the task's end is reported by a
// method of the same package, two calls down.
type sup struct {
	mu      sync.Mutex
	running map[int]chan struct{}
}

type child struct{ done chan struct{} }

func (s *sup) start(fn func(context.Context) error) *child {
	c := &child{done: make(chan struct{})}
	go s.run(c, fn)
	return c
}

func (s *sup) run(c *child, fn func(context.Context) error) {
	defer s.exited(c)
	_ = fn(context.Background())
}

func (s *sup) exited(c *child) { s.finish(c) }

func (s *sup) finish(c *child) { close(c.done) }

// Another package's function, handed a channel to report through.
func external(errs chan error) {
	go forward(errs)
}

var forward = func(chan error) {}

// A function value: nobody can tell.
func dynamic(f func()) {
	go f()
}

// An external function without results has nothing to throw away.
func noResult() {
	go time.Sleep(time.Millisecond)
}

var errStop = errors.New("stop")
