package a

import (
	"net/http"
	"sync"
)

// forward hands each value to a goroutine that waits to send it.
func forward(values []int, out chan<- int) {
	for _, v := range values {
		go func() { out <- v }() // want `backpressure: each value waits for the consumer in a goroutine of its own, so the loop never slows down and the waiting goroutines pile up; see https://concurrency-patterns\.github\.io/playground/stage\.html\?rate=40&buffer_size=100000`
	}
}

var events = make(chan string)

func track(w http.ResponseWriter, r *http.Request) {
	path := r.URL.Path
	go func() { events <- path }() // want `backpressure: .* so the handler never slows down`
}

// buffer is the unbounded buffer between two goroutines: it takes all
// that comes in, whatever the consumer manages.
func buffer(in <-chan int, out chan<- int) {
	var q []int
	for {
		var send chan<- int
		var next int
		if len(q) > 0 {
			send, next = out, q[0]
		}
		select {
		case v := <-in:
			q = append(q, v) // want `backpressure: this queue grows with every item the loop takes in and nothing compares its length with a limit`
		case send <- next:
			q = q[1:]
		}
	}
}

// jobs is a queue shared by request handlers and a worker.
type jobs struct {
	mu      sync.Mutex
	pending []string
}

func (j *jobs) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	j.mu.Lock()
	j.pending = append(j.pending, r.URL.Path) // want `backpressure: this queue grows with every request`
	j.mu.Unlock()
}

func (j *jobs) next() (string, bool) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if len(j.pending) == 0 {
		return "", false
	}
	p := j.pending[0]
	j.pending = j.pending[1:]
	return p, true
}

func collect(in <-chan int) {
	var stack []int
	for v := range in {
		stack = append(stack, v) // want `backpressure: this queue grows`
		if v == 0 {
			stack = stack[:len(stack)-1]
		}
	}
}
