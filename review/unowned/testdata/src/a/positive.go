package a

import (
	"net/http"
	"sync"
)

func work(int) {}

func fire(items []int) {
	for _, it := range items {
		go func() { // want `supervised tasks: nothing waits for this goroutine or learns that it ended, and a panic in it stops the whole program; see https://concurrency-patterns\.github\.io/playground/tasks\.html\?mode=bare`
			work(it)
		}()
	}
}

func serve() {
	go http.ListenAndServe(":8080", nil) // want `supervised tasks: nothing waits for this goroutine and the result of ListenAndServe is thrown away`
}

type cache struct {
	mu   sync.Mutex
	data map[string]int
}

// refresh writes under a lock, but nobody learns when it is done.
func (c *cache) refresh() {
	c.mu.Lock()
	c.data = map[string]int{"a": 1}
	c.mu.Unlock()
}

func (c *cache) start() {
	go c.refresh() // want `supervised tasks: nothing waits for this goroutine or learns`
}

// panics is a goroutine that can only fail.
func panics() {
	go func() { panic("boom") }() // want `supervised tasks:`
}
