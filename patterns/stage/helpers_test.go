package stage_test

import (
	"context"
	"io"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/clock"
	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/stage"
)

// log records every event a pipeline reports.
type log struct {
	mu     sync.Mutex
	events []event.Event
}

func (l *log) hook(e event.Event) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.events = append(l.events, e)
}

// of returns the events of kind k about stage id (any stage when id < 0).
func (l *log) of(k event.Kind, id int) []event.Event {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []event.Event
	for _, e := range l.events {
		if e.Kind == k && (id < 0 || e.ID == id) {
			out = append(out, e)
		}
	}
	return out
}

// ns returns the N of each event of kind k about stage id.
func (l *log) ns(k event.Kind, id int) []int {
	var out []int
	for _, e := range l.of(k, id) {
		out = append(out, e.N)
	}
	return out
}

// sum adds up the N of the events of kind k about stage id.
func (l *log) sum(k event.Kind, id int) int {
	n := 0
	for _, e := range l.of(k, id) {
		n += e.N
	}
	return n
}

func newPipeline(t *testing.T, l *log, opts ...stage.PipelineOption) *stage.Pipeline {
	t.Helper()
	if l != nil {
		opts = append(opts, stage.WithHook(l.hook))
	}
	pl, err := stage.New(opts...)
	require.NoError(t, err)
	return pl
}

// must returns v; building a stage in a test is not expected to fail, and
// a panic fails the test with the error.
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// count is a pull producer's function that makes 0, 1, …, n-1 in answer to
// demand, then io.EOF; demands records each demand it was called with.
type count struct {
	n, next int
	demands []int
}

func (c *count) produce(ctx context.Context, demand int) ([]int, error) {
	c.demands = append(c.demands, demand)
	out := make([]int, 0, min(demand, c.n-c.next))
	for len(out) < demand && c.next < c.n {
		out = append(out, c.next)
		c.next++
	}
	if c.next == c.n {
		return out, io.EOF
	}
	return out, nil
}

// collector is a consumer's function that keeps what it is given.
type collector struct {
	mu    sync.Mutex
	got   []int
	calls []int // the size of each call
}

func (c *collector) consume(ctx context.Context, events []int) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.got = append(c.got, events...)
	c.calls = append(c.calls, len(events))
	return nil
}

func (c *collector) values() []int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]int(nil), c.got...)
}

func upTo(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// sleep waits ms milliseconds (fake time in a synctest bubble) or until ctx
// is done.
func sleep(ctx context.Context, ms int) error {
	return clock.Sleep(ctx, clock.Real(), time.Duration(ms)*time.Millisecond)
}
