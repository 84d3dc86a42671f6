// Package sample is a small service with one finding for each review
// question, and code beside it that must not be flagged.
package sample

import (
	"context"
	"net/http"
	"sync"
	"time"
)

type Server struct {
	mu    sync.Mutex
	queue []string
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	go s.audit(r.URL.Path) // finding: bounded spawning, supervised tasks
	s.mu.Lock()
	s.queue = append(s.queue, r.URL.Path) // finding: backpressure
	s.mu.Unlock()
	s.lookup(context.Background(), r.URL.Query().Get("q")) // finding: timeouts
}

func (s *Server) audit(path string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	_ = path
}

func (s *Server) next() (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.queue) == 0 {
		return "", false
	}
	p := s.queue[0]
	s.queue = s.queue[1:]
	return p, true
}

func (s *Server) lookup(ctx context.Context, q string) string {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	select {
	case <-ctx.Done():
		return ""
	case <-time.After(time.Millisecond):
		return q
	}
}

// Fetch has no deadline at all.
func Fetch(url string) error {
	resp, err := http.Get(url) // finding: timeouts
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Workers is correct: a fixed pool, waited for.
func Workers(n int, jobs <-chan string) {
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range jobs {
			}
		}()
	}
	wg.Wait()
}
