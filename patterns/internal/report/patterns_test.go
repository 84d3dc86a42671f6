package report_test

import (
	"context"
	"io"
	"slices"
	"sync/atomic"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/limiter"
	"github.com/concurrency-patterns/playground/patterns/pool"
	"github.com/concurrency-patterns/playground/patterns/stage"
	"github.com/concurrency-patterns/playground/patterns/stream"
	"github.com/concurrency-patterns/playground/patterns/supervisor"
	"github.com/concurrency-patterns/playground/patterns/task"
)

// Every pattern reports through this package, so every pattern survives a
// hook that panics on every event, on goroutines the caller owns and on
// the pattern's own: each does its work as if the hook were quiet. Before
// the reporter recovered, the first panic crashed the test binary.
func TestEveryPatternOutlivesAHookThatAlwaysPanics(t *testing.T) {
	if !event.Enabled {
		t.Skip("built without hooks")
	}
	runs := map[string]func(t *testing.T, h event.Hook){
		"stream": func(t *testing.T, h event.Hook) {
			s, err := stream.New(func(_ context.Context, n int) (int, error) { return 2 * n, nil },
				stream.MaxConcurrency(2), stream.WithHook(h))
			require.NoError(t, err)
			sum := 0
			for r, err := range s.Run(t.Context(), slices.Values([]int{1, 2, 3})) {
				require.NoError(t, err)
				sum += r.Value
			}
			assert.Equal(t, 12, sum)
		},
		"task": func(t *testing.T, h event.Hook) {
			sup, err := task.NewSupervisor(task.WithHook(h))
			require.NoError(t, err)
			tk, err := task.Async(sup, func(context.Context) (string, error) { return "done", nil })
			require.NoError(t, err)
			v, err := tk.Await(t.Context())
			assert.NoError(t, err)
			assert.Equal(t, "done", v)
			sup.Stop()
		},
		"supervisor": func(t *testing.T, h event.Hook) {
			sup, err := supervisor.Start(t.Context(), supervisor.WithHook(h))
			require.NoError(t, err)
			_, err = sup.StartChild(t.Context(), func(ctx context.Context) error { <-ctx.Done(); return ctx.Err() })
			require.NoError(t, err)
			assert.NoError(t, sup.Stop(t.Context()))
		},
		"stage": func(t *testing.T, h event.Hook) {
			pl, err := stage.New(stage.WithHook(h))
			require.NoError(t, err)
			sent := false
			src, err := stage.NewProducer(pl, func(context.Context, int) ([]int, error) {
				if sent {
					return nil, io.EOF
				}
				sent = true
				return []int{1, 2, 3}, io.EOF
			})
			require.NoError(t, err)
			sum := 0
			sink, err := stage.NewConsumer(pl, func(_ context.Context, in []int) error {
				for _, n := range in {
					sum += n
				}
				return nil
			})
			require.NoError(t, err)
			require.NoError(t, sink.SubscribeTo(src))
			require.NoError(t, pl.Run(t.Context()))
			assert.Equal(t, 6, sum)
		},
		"limiter": func(t *testing.T, h event.Hook) {
			l, err := limiter.New(1, limiter.WithHook(h))
			require.NoError(t, err)
			assert.NoError(t, l.Do(t.Context(), func(context.Context) error { return nil }))
			assert.Equal(t, limiter.Status{}, l.Status())
		},
		"pool": func(t *testing.T, h event.Hook) {
			p, err := pool.New(t.Context(), func(context.Context) (int, error) { return 7, nil }, nil, pool.Size(1), pool.WithHook(h))
			require.NoError(t, err)
			assert.NoError(t, p.Transaction(t.Context(), func(_ context.Context, n int) error { return nil }))
			p.Close()
			assert.Equal(t, pool.Closed, p.Status().State)
		},
	}
	for name, run := range runs {
		t.Run(name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var calls atomic.Int64
				run(t, func(event.Event) { calls.Add(1); panic("hook trouble") })
				assert.Positive(t, calls.Load())
			})
		})
	}
}
