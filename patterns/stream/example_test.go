package stream_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"time"

	"github.com/concurrency-patterns/playground/patterns/stream"
	"github.com/concurrency-patterns/playground/patterns/task"
)

func Example() {
	shout := func(ctx context.Context, word string) (string, error) {
		if word == "" {
			panic("empty word")
		}
		return strings.ToUpper(word), nil
	}
	s, err := stream.New(shout, stream.MaxConcurrency(3), stream.Timeout(time.Second))
	if err != nil {
		fmt.Println(err)
		return
	}
	words := slices.Values([]string{"bounded", "", "streams"})
	for r, err := range s.Run(context.Background(), words) {
		if err != nil {
			fmt.Println("stream stopped:", err)
			return
		}
		var exit *task.ExitError
		if errors.As(r.Err, &exit) {
			fmt.Println(r.Index, "exited:", exit.Reason)
			continue
		}
		fmt.Println(r.Index, r.Value)
	}
	// Output:
	// 0 BOUNDED
	// 1 exited: panic: empty word
	// 2 STREAMS
}

func ExampleMaxConcurrency_invalid() {
	_, err := stream.New(func(ctx context.Context, n int) (int, error) { return n, nil }, stream.MaxConcurrency(-1))
	fmt.Println(err)
	// Output:
	// stream: invalid option: max concurrency must be positive, got -1
}

// Fetch URLs ten at a time and handle each response in the order of the
// URLs. A test server stands in for the web.
func Example_fetch() {
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/missing" {
			http.NotFound(w, r)
		}
	}))
	defer server.Close()
	urls := []string{server.URL + "/a", server.URL + "/missing", server.URL + "/b"}

	fetch := func(ctx context.Context, url string) (int, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if err != nil {
			return 0, err
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return 0, err
		}
		resp.Body.Close()
		return resp.StatusCode, nil
	}
	s, err := stream.New(fetch, stream.MaxConcurrency(10), stream.Timeout(5*time.Second))
	if err != nil {
		log.Fatal(err) // an invalid option, such as MaxConcurrency(0)
	}
	for r, err := range s.Run(context.Background(), slices.Values(urls)) {
		if err != nil {
			log.Fatal(err) // the stream stopped early: a timeout, or the context
		}
		if r.Err != nil {
			fmt.Println(r.Index, "failed:", r.Err)
			continue
		}
		fmt.Println(r.Index, r.Value)
	}
	// Output:
	// 0 200
	// 1 404
	// 2 200
}

// Tasks of a stream under a task supervisor count against its
// MaxChildren; one too many stops the stream, as Elixir's
// async_stream_nolink raises.
func ExampleWithSupervisor() {
	sup, _ := task.NewSupervisor(task.MaxChildren(2))
	defer sup.Stop()

	double := func(_ context.Context, n int) (int, error) { return 2 * n, nil }
	within, _ := stream.New(double, stream.MaxConcurrency(2), stream.WithSupervisor(sup))
	for r, err := range within.Run(context.Background(), slices.Values([]int{1, 2, 3})) {
		fmt.Println(r.Value, err)
	}
	slow := func(ctx context.Context, _ int) (int, error) { <-ctx.Done(); return 0, ctx.Err() }
	beyond, _ := stream.New(slow, stream.MaxConcurrency(3), stream.WithSupervisor(sup))
	for _, err := range beyond.Run(context.Background(), slices.Values([]int{1, 2, 3})) {
		fmt.Println(errors.Is(err, task.ErrMaxChildren))
	}
	// Output:
	// 2 <nil>
	// 4 <nil>
	// 6 <nil>
	// true
}
