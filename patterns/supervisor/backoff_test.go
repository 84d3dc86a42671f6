package supervisor_test

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/supervisor"
)

const ms = time.Millisecond

// gaps returns, for each restart of child id, how long after the exit
// that asked for it the new incarnation started.
func gaps(l *log, id supervisor.ID) []time.Duration {
	var out []time.Duration
	var exited time.Time
	for _, e := range l.all() {
		if e.ID != int(id) || e.Slot < 0 {
			continue
		}
		switch e.Kind {
		case event.ChildExited, event.ChildCrashed:
			exited = e.Time
		case event.ChildStarted:
			if !exited.IsZero() {
				out = append(out, e.Time.Sub(exited))
			}
		}
	}
	return out
}

// Off by default: as in OTP, a failing child is restarted at once, as
// often as the intensity lets it.
func TestRestartsAreImmediateByDefault(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l log
		sup := start(t, supervisor.WithHook(l.hook), supervisor.MaxRestarts(1000, time.Hour))
		id := startChild(t, sup, exits(0, errFail))
		time.Sleep(time.Second)
		assert.Len(t, gaps(&l, id), 1000, "no delay: every restart the intensity allows, at once")
		assert.ErrorIs(t, sup.Err(), supervisor.ErrMaxIntensity)
	})
}

func TestRestartBackoffDoublesUpToItsMax(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l log
		sup := start(t, supervisor.WithHook(l.hook), supervisor.MaxRestarts(1000, time.Hour),
			supervisor.RestartBackoff(10*ms, 80*ms))
		id := startChild(t, sup, exits(0, errFail))
		time.Sleep(380 * ms) // starts at 10, 30, 70, 150, 230 and 310 ms
		assert.Equal(t, []time.Duration{10 * ms, 20 * ms, 40 * ms, 80 * ms, 80 * ms, 80 * ms}, gaps(&l, id))
		require.NoError(t, sup.Stop(t.Context()))
	})
}

// A child that ran for the backoff's max or longer starts over from the
// first delay.
func TestRestartBackoffStartsOverAfterAHealthyRun(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l log
		sup := start(t, supervisor.WithHook(l.hook), supervisor.MaxRestarts(1000, time.Hour),
			supervisor.RestartBackoff(10*ms, 80*ms))
		crash := exits(0, errFail)
		id := startChild(t, sup, sequence(crash, crash, crash, exits(100*ms, errFail), crash, blocks))
		time.Sleep(time.Second)
		assert.Equal(t, []time.Duration{10 * ms, 20 * ms, 40 * ms, 10 * ms, 20 * ms}, gaps(&l, id))
		require.NoError(t, sup.Stop(t.Context()))
	})
}

// While it waits out its delay a child is held, listed as restarting, and
// stopping it removes it at once: there is no goroutine to wait for.
func TestAChildWaitingToRestart(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l log
		sup := start(t, supervisor.WithHook(l.hook), supervisor.MaxChildren(1),
			supervisor.RestartBackoff(time.Minute, time.Hour))
		id := startChild(t, sup, exits(0, errFail))
		synctest.Wait()
		which, err := sup.WhichChildren(t.Context())
		require.NoError(t, err)
		assert.Equal(t, []supervisor.ChildInfo{{ID: id, Restart: supervisor.Permanent, Restarts: 1, Restarting: true}}, which)
		_, err = sup.StartChild(t.Context(), blocks)
		assert.ErrorIs(t, err, supervisor.ErrMaxChildren, "it still counts against max children")

		begin := time.Now()
		require.NoError(t, sup.TerminateChild(t.Context(), id))
		assert.Zero(t, time.Since(begin))
		assert.Equal(t, []string{"child_started", "child_crashed", "child_restarted", "child_removed"}, l.trail(id))

		second := startChild(t, sup, exits(0, errFail))
		synctest.Wait()
		require.NoError(t, sup.Stop(t.Context()))
		assert.Zero(t, time.Since(begin), "Stop removes a waiting child at once")
		assert.Equal(t, []string{"child_started", "child_crashed", "child_restarted", "child_removed"}, l.trail(second))
	})
}

// The restart storm of a permanently failing child under a lenient
// intensity, with and without a backoff.
func TestRestartBackoffTamesAFailingChild(t *testing.T) {
	for _, tc := range []struct {
		name     string
		opts     []supervisor.Option
		restarts int // within 190 ms
	}{
		{"backoff from 1 ms up to 1 s", []supervisor.Option{supervisor.RestartBackoff(ms, time.Second)}, 8}, // at 0, 1, 3, 7, …, 127 ms
		{"a fixed 50 ms", []supervisor.Option{supervisor.RestartBackoff(50*ms, 50*ms)}, 4},                  // at 0, 50, 100, 150 ms
	} {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var l log
				sup := start(t, append(tc.opts, supervisor.WithHook(l.hook), supervisor.MaxRestarts(1_000_000, time.Second))...)
				startChild(t, sup, func(context.Context) error { return errFail })
				time.Sleep(190 * ms)
				assert.Len(t, l.kinds(event.ChildRestarted), tc.restarts)
				require.NoError(t, sup.Stop(t.Context()))
			})
		})
	}
}
