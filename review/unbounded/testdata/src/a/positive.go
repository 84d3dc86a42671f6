package a

import (
	"context"
	"net"
	"net/http"
	"sync"

	"golang.org/x/sync/errgroup"
)

func process(int) {}

func perItem(items []int) {
	var wg sync.WaitGroup
	for _, it := range items {
		wg.Add(1)
		go func() { // want `bounded spawning: this go statement starts a goroutine for every item the loop takes and nothing bounds how many run at once; see https://concurrency-patterns\.github\.io/playground/spawn\.html\?mode=unbounded&rate=400`
			defer wg.Done()
			process(it)
		}()
	}
	wg.Wait()
}

func upToLen(items []int) {
	for i := 0; i < len(items); i++ {
		go process(items[i]) // want `bounded spawning: this go statement starts a goroutine for every turn of a loop of unknown length`
	}
}

func accept(l net.Listener) {
	for {
		conn, err := l.Accept()
		if err != nil {
			return
		}
		go serveConn(conn) // want `bounded spawning: this go statement starts a goroutine for every turn`
	}
}

func serveConn(net.Conn) {}

func fromChannel(reqs <-chan int) {
	for r := range reqs {
		go process(r) // want `bounded spawning: this go statement starts a goroutine for every item`
	}
}

func audit(string) {}

func handle(w http.ResponseWriter, r *http.Request) {
	go audit(r.URL.Path) // want `bounded spawning: this go statement starts a goroutine for every request that outlives the handler`
}

type server struct{}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	go func() { // want `bounded spawning: .* for every request`
		audit(r.Method)
	}()
}

func group(ctx context.Context, items []int) error {
	g, ctx := errgroup.WithContext(ctx)
	for _, it := range items {
		g.Go(func() error { // want `bounded spawning: g.Go starts a goroutine for every item the loop takes and g has no SetLimit`
			process(it)
			return ctx.Err()
		})
	}
	return g.Wait()
}

func groupInHandler(w http.ResponseWriter, r *http.Request) {
	var g errgroup.Group
	for _, v := range r.Form["id"] {
		g.Go(func() error { audit(v); return nil }) // want `bounded spawning: g.Go starts a goroutine for every item`
	}
	_ = g.Wait()
}
