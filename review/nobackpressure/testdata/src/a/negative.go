package a

import (
	"net/http"
	"sync"
)

func work(int) int { return 0 }

// A goroutine that computes what it sends is a task (see unbounded).
func tasks(values []int, out chan<- int) {
	for _, v := range values {
		go func() { out <- work(v) }()
	}
}

// A blocking send holds the producer back.
func direct(values []int, out chan<- int) {
	for _, v := range values {
		out <- v
	}
}

// Tokens bound the goroutines.
func tokens(values []int, out chan<- int, sem chan struct{}) {
	for _, v := range values {
		sem <- struct{}{}
		go func() { out <- v }()
	}
}

// A bounded buffer drops what does not fit.
func bounded(in <-chan int, out chan<- int) {
	const max = 100
	var q []int
	for {
		var send chan<- int
		var next int
		if len(q) > 0 {
			send, next = out, q[0]
		}
		select {
		case v := <-in:
			if len(q) >= max {
				q = q[1:]
			}
			q = append(q, v)
		case send <- next:
			q = q[1:]
		}
	}
}

type node struct{ kids []*node }

// A worklist is appended to by the loop that drains it.
func walk(root *node) {
	queue := []*node{root}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		queue = append(queue, n.kids...)
	}
}

func walkAll(roots []*node) {
	var queue []*node
	for _, r := range roots {
		queue = append(queue, r)
		for len(queue) > 0 {
			queue = queue[1:]
		}
	}
}

// Results piled up for the caller are no queue.
func results(in <-chan int) []int {
	var out []int
	for v := range in {
		out = append(out, v)
	}
	return out
}

// A producer that makes only what was asked for.
func demand(asks <-chan int, out chan<- int) {
	var q []int
	for n := range asks {
		for len(q) < n {
			q = append(q, work(n))
		}
		for len(q) > 0 {
			out <- q[0]
			q = q[1:]
		}
	}
}

// A queue with a limit refuses the request.
type limitedJobs struct {
	mu      sync.Mutex
	pending []string
}

func (j *limitedJobs) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if len(j.pending) >= 64 {
		http.Error(w, "busy", http.StatusServiceUnavailable)
		return
	}
	j.pending = append(j.pending, r.URL.Path)
}

func (j *limitedJobs) next() string {
	j.mu.Lock()
	defer j.mu.Unlock()
	p := j.pending[0]
	j.pending = j.pending[1:]
	return p
}
