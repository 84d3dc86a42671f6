package stream_test

import (
	"context"
	"errors"
	"fmt"
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
