package a

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"golang.org/x/sync/errgroup"
)

// A worker pool: a fixed set of goroutines.
func pool(n int, jobs <-chan int) {
	for i := 0; i < n; i++ {
		go func() {
			for j := range jobs {
				process(j)
			}
		}()
	}
	for range 4 {
		go func() {}()
	}
}

func literalList() {
	for _, name := range []string{"a", "b"} {
		go audit(name)
	}
	var parts [3]int
	for _, p := range parts {
		go process(p)
	}
}

// A pipeline's stages are its parts, set up before it runs.
type pipeline struct{ stages []int }

func (p *pipeline) start() {
	for _, s := range p.stages {
		go process(s)
	}
}

// A semaphore of tokens.
func semaphore(items []int) {
	sem := make(chan struct{}, 8)
	for _, it := range items {
		sem <- struct{}{}
		go func() {
			defer func() { <-sem }()
			process(it)
		}()
	}
}

// Tokens taken inside the goroutine bound the work.
func semaphoreInside(items []int, limit chan bool) {
	for _, it := range items {
		go func() {
			limit <- true
			defer func() {
				process(0)
				<-limit
			}()
			process(it)
		}()
	}
}

type weighted struct{}

func (weighted) Acquire(ctx context.Context, n int64) error { return nil }
func (weighted) Release(n int64)                            {}

func acquired(ctx context.Context, sem weighted, items []int) {
	for _, it := range items {
		if err := sem.Acquire(ctx, 1); err != nil {
			return
		}
		go func() {
			defer sem.Release(1)
			process(it)
		}()
	}
}

// One at a time: each goroutine is waited for before the next.
func oneByOne(items []int) {
	for _, it := range items {
		done := make(chan struct{})
		go func() {
			defer close(done)
			process(it)
		}()
		<-done
	}
}

func limited(ctx context.Context, items []int) error {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(4)
	for _, it := range items {
		g.Go(func() error { process(it); return ctx.Err() })
	}
	return g.Wait()
}

func tryGo(items []int) {
	var g errgroup.Group
	g.SetLimit(2)
	for _, it := range items {
		if !g.TryGo(func() error { process(it); return nil }) {
			break
		}
	}
}

// A group handed on may be limited where it goes.
func handedOn(items []int) {
	var g errgroup.Group
	configure(&g)
	for _, it := range items {
		g.Go(func() error { process(it); return nil })
	}
}

func configure(g *errgroup.Group) { g.SetLimit(3) }

// A group that is a field is set up elsewhere.
type crawler struct{ g *errgroup.Group }

func (c *crawler) crawl(items []int) {
	for _, it := range items {
		c.g.Go(func() error { process(it); return nil })
	}
}

// A handler that waits for its goroutines is bounded by the requests.
func fanOut(w http.ResponseWriter, r *http.Request) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		audit("a")
	}()
	wg.Wait()
}

func withReply(w http.ResponseWriter, r *http.Request) {
	done := make(chan string)
	go func() { done <- r.URL.Path }()
	select {
	case p := <-done:
		audit(p)
	case <-r.Context().Done():
	}
}

// A goroutine that ends with the request's context.
func watcher(w http.ResponseWriter, r *http.Request) {
	go func() {
		<-r.Context().Done()
		audit("gone")
	}()
}

// Timers are no go statements.
func timers(items []int) {
	for _, it := range items {
		time.AfterFunc(time.Second, func() { process(it) })
	}
}

// Test helpers spawn per case by design.
func helper(t *testing.T, items []int) {
	for _, it := range items {
		go process(it)
	}
}

// One group per request, waited for: bounded by the requests.
func groupPerRequest(w http.ResponseWriter, r *http.Request) {
	var g errgroup.Group
	g.Go(func() error { audit("x"); return nil })
	_ = g.Wait()
}
