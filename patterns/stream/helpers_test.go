package stream_test

import (
	"context"
	"iter"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/stream"
)

// sleepFor is a task that sleeps its input in milliseconds (fake time inside
// a synctest bubble) and returns it, or returns early when cancelled.
func sleepFor(ctx context.Context, ms int) (int, error) {
	select {
	case <-time.After(time.Duration(ms) * time.Millisecond):
		return ms, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// eventLog records events and keeps the concurrency high-water mark.
type eventLog struct {
	mu     sync.Mutex
	events []event.Event
	active int
	peak   int
}

func (l *eventLog) hook(e event.Event) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.events = append(l.events, e)
	switch e.Kind {
	case event.Started:
		l.active++
		l.peak = max(l.peak, l.active)
	case event.Finished, event.Failed, event.Panicked, event.TimedOut, event.Cancelled:
		l.active--
	}
}

func (l *eventLog) kinds(k event.Kind) []event.Event {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []event.Event
	for _, e := range l.events {
		if e.Kind == k {
			out = append(out, e)
		}
	}
	return out
}

// collect runs s over inputs and returns every result and the final error.
func collect[In, Out any](ctx context.Context, s *stream.Stream[In, Out], inputs iter.Seq[In]) ([]stream.Result[Out], error) {
	var results []stream.Result[Out]
	for r, err := range s.Run(ctx, inputs) {
		if err != nil {
			return results, err
		}
		results = append(results, r)
	}
	return results, nil
}

func indexes[Out any](rs []stream.Result[Out]) []int {
	out := make([]int, len(rs))
	for i, r := range rs {
		out[i] = r.Index
	}
	return out
}

func mustNew[In, Out any](t *testing.T, fn func(context.Context, In) (Out, error), opts ...stream.Option) *stream.Stream[In, Out] {
	t.Helper()
	s, err := stream.New(fn, opts...)
	require.NoError(t, err)
	return s
}

var values = slices.Values[[]int]

func (l *eventLog) all() []event.Event {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.events)
}
