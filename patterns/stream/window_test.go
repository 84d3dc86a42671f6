package stream_test

import (
	"context"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/stream"
)

// pulls counts the inputs a stream takes from an endless source.
func pulls(n *atomic.Int64) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; ; i++ {
			n.Add(1)
			if !yield(i) {
				return
			}
		}
	}
}

// One stuck head item: without a window the stream pulls the source for as
// long as the other items finish; with one it stops at the bound.
func TestOrderedWindowBoundsWhatAStuckItemHoldsBack(t *testing.T) {
	cases := []struct {
		name   string
		opts   []stream.Option
		pulled int64 // by the time the head item is 50 ms old; 0: more than 100
	}{
		{"no window, as in Elixir", nil, 0},
		{"window of 2×max+1", []stream.Option{stream.OrderedWindow(9)}, 9},
		{"window below max", []stream.Option{stream.OrderedWindow(2)}, 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var pulled, peak atomic.Int64
				var running atomic.Int64
				s := mustNew(t, func(ctx context.Context, i int) (int, error) {
					n := running.Add(1)
					defer running.Add(-1)
					for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
					}
					ms := 1
					if i == 0 {
						ms = 100 // the head is stuck
					}
					return sleepFor(ctx, ms)
				}, append([]stream.Option{stream.MaxConcurrency(4), stream.NoTimeout()}, tc.opts...)...)
				ctx, cancel := context.WithCancel(t.Context())
				done := make(chan int)
				go func() {
					got := 0
					for r, err := range s.Run(ctx, pulls(&pulled)) {
						if err != nil {
							break
						}
						require.Equal(t, got, r.Index)
						got++
					}
					done <- got
				}()
				time.Sleep(50 * time.Millisecond)
				if tc.pulled == 0 {
					assert.Greater(t, pulled.Load(), int64(100), "inputs pulled while the head is stuck")
				} else {
					assert.Equal(t, tc.pulled, pulled.Load(), "inputs pulled while the head is stuck")
				}
				time.Sleep(60 * time.Millisecond) // the head is through; the rest follows
				cancel()
				beyond := int(tc.pulled)
				if beyond == 0 {
					beyond = 100
				}
				assert.Greater(t, <-done, beyond, "the stream went on once the head was out")
				if tc.pulled > 0 {
					assert.LessOrEqual(t, peak.Load(), min(4, tc.pulled))
				}
			})
		})
	}
}

func TestOrderedWindowOptionIsChecked(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts []stream.Option
		want string
	}{
		{"zero", []stream.Option{stream.OrderedWindow(0)}, "ordered window must be positive, got 0"},
		{"unordered", []stream.Option{stream.OrderedWindow(8), stream.Unordered()}, "does not apply to an unordered stream"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := stream.New(sleepFor, tc.opts...)
			require.ErrorIs(t, err, stream.ErrInvalidOption)
			assert.ErrorContains(t, err, tc.want)
		})
	}
}
