package supervisor_test

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/supervisor"
)

// The children below sleep on the time package: inside a synctest bubble
// its time is fake, so no test waits for real.

var errFail = errors.New("child failed")

// sleep waits d, or returns the context's error if cancelled first.
func sleep(ctx context.Context, d time.Duration) error {
	select {
	case <-time.After(d):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// exits works for d, then returns err (nil: a normal exit).
func exits(d time.Duration, err error) func(context.Context) error {
	return func(ctx context.Context) error {
		if cerr := sleep(ctx, d); cerr != nil {
			return cerr
		}
		return err
	}
}

// panics works for d, then panics.
func panics(d time.Duration) func(context.Context) error {
	return func(ctx context.Context) error {
		if err := sleep(ctx, d); err != nil {
			return err
		}
		panic("boom")
	}
}

// blocks runs until cancelled.
func blocks(ctx context.Context) error {
	<-ctx.Done()
	return ctx.Err()
}

// lingers runs until cancelled, then takes d more to return.
func lingers(d time.Duration) func(context.Context) error {
	return func(ctx context.Context) error {
		<-ctx.Done()
		time.Sleep(d)
		return ctx.Err()
	}
}

// stubborn ignores its context and returns after d.
func stubborn(d time.Duration) func(context.Context) error {
	return func(ctx context.Context) error {
		time.Sleep(d)
		return nil
	}
}

// sequence runs fns[i] as incarnation i of a child, the last one for every
// later incarnation. Incarnations never overlap: the supervisor starts the
// next only after the previous one's exit reached it.
func sequence(fns ...func(context.Context) error) func(context.Context) error {
	i := 0
	return func(ctx context.Context) error {
		fn := fns[min(i, len(fns)-1)]
		i++
		return fn(ctx)
	}
}

// log records the events a supervisor reports.
type log struct {
	mu     sync.Mutex
	events []event.Event
}

func (l *log) hook(e event.Event) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.events = append(l.events, e)
}

func (l *log) all() []event.Event {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.events)
}

func (l *log) kinds(ks ...event.Kind) []event.Event {
	var out []event.Event
	for _, e := range l.all() {
		if slices.Contains(ks, e.Kind) {
			out = append(out, e)
		}
	}
	return out
}

// trail lists the kinds of the events about one child, in order.
func (l *log) trail(id supervisor.ID) []string {
	var out []string
	for _, e := range l.all() {
		if e.ID == int(id) && e.Slot >= 0 {
			out = append(out, e.Kind.String())
		}
	}
	return out
}

func start(t *testing.T, opts ...supervisor.Option) *supervisor.Supervisor {
	t.Helper()
	sup, err := supervisor.Start(t.Context(), opts...)
	require.NoError(t, err)
	return sup
}

func startChild(t *testing.T, sup *supervisor.Supervisor, fn func(context.Context) error, opts ...supervisor.ChildOption) supervisor.ID {
	t.Helper()
	id, err := sup.StartChild(t.Context(), fn, opts...)
	require.NoError(t, err)
	return id
}
