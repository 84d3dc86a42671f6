package supervisor_test

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/supervisor"
)

// max_children (semantics §7): unlimited by default; beyond the limit a
// start is refused at once; children being restarted or stopped count.
func TestMaxChildren(t *testing.T) {
	t.Run("unlimited by default", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			sup := start(t)
			for range 2000 {
				startChild(t, sup, blocks)
			}
			n, err := sup.CountChildren(t.Context())
			require.NoError(t, err)
			assert.Equal(t, 2000, n.Children)
			require.NoError(t, sup.Stop(t.Context()))
		})
	})
	t.Run("beyond the limit is refused at once", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			var l log
			sup := start(t, supervisor.MaxChildren(2), supervisor.WithHook(l.hook))
			startChild(t, sup, blocks)
			startChild(t, sup, blocks)
			begin := time.Now()
			id, err := sup.StartChild(t.Context(), blocks)
			assert.ErrorIs(t, err, supervisor.ErrMaxChildren)
			assert.Equal(t, supervisor.ID(-1), id)
			assert.Zero(t, time.Since(begin), "never waits for room")
			refused := l.kinds(event.ChildRefused)
			require.Len(t, refused, 1)
			assert.Equal(t, event.Event{Time: begin, Kind: event.ChildRefused, ID: -1, Slot: -1, N: 2, Err: supervisor.ErrMaxChildren}, refused[0])
			require.NoError(t, sup.Stop(t.Context()))
		})
	})
	t.Run("a child being restarted keeps its place", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			sup := start(t, supervisor.MaxChildren(1), supervisor.MaxRestarts(100, time.Second))
			startChild(t, sup, crashEvery(10*time.Millisecond))
			for range 50 {
				time.Sleep(7 * time.Millisecond)
				_, err := sup.StartChild(t.Context(), blocks)
				require.ErrorIs(t, err, supervisor.ErrMaxChildren)
			}
			require.NoError(t, sup.Stop(t.Context()))
		})
	})
	t.Run("a child that is gone frees its place", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			sup := start(t, supervisor.MaxChildren(1))
			startChild(t, sup, exits(10*time.Millisecond, nil), supervisor.WithRestart(supervisor.Temporary))
			time.Sleep(20 * time.Millisecond)
			startChild(t, sup, blocks)
			require.NoError(t, sup.Stop(t.Context()))
		})
	})
	t.Run("a stopping child counts until it returns or is abandoned", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			sup := start(t, supervisor.MaxChildren(1))
			id := startChild(t, sup, stubborn(time.Hour), supervisor.Shutdown(100*time.Millisecond))
			terminated := make(chan error)
			go func() { terminated <- sup.TerminateChild(t.Context(), id) }()
			time.Sleep(50 * time.Millisecond)
			_, err := sup.StartChild(t.Context(), blocks)
			require.ErrorIs(t, err, supervisor.ErrMaxChildren, "still running, being stopped")
			require.Error(t, <-terminated)
			startChild(t, sup, blocks) // abandoned: no longer counted
			require.NoError(t, sup.Stop(t.Context()))
			time.Sleep(time.Hour) // let the abandoned goroutine end inside the bubble
		})
	})
}

// Slots are lanes for the visualizer: the lowest free one is reused.
func TestSlotsAreReusedLowestFirst(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		sup := start(t)
		temp := supervisor.WithRestart(supervisor.Temporary)
		for _, d := range []time.Duration{50, 10, 30, 1000} {
			startChild(t, sup, exits(d*time.Millisecond, nil), temp)
		}
		time.Sleep(40 * time.Millisecond) // slots 1 and 2 are free
		a := startChild(t, sup, blocks)
		b := startChild(t, sup, blocks)
		c := startChild(t, sup, blocks)
		children, err := sup.WhichChildren(t.Context())
		require.NoError(t, err)
		slots := map[supervisor.ID]int{}
		for _, ch := range children {
			slots[ch.ID] = ch.Slot
		}
		assert.Equal(t, map[supervisor.ID]int{0: 0, 3: 3, a: 1, b: 2, c: 4}, slots)
		require.NoError(t, sup.Stop(t.Context()))
	})
}
