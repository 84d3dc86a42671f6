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
	"github.com/concurrency-patterns/playground/patterns/task"
)

// crashEvery returns a child whose incarnations run for the given times and
// then panic; the last time repeats.
func crashEvery(ds ...time.Duration) func(context.Context) error {
	fns := make([]func(context.Context) error, len(ds))
	for i, d := range ds {
		fns[i] = panics(d)
	}
	return sequence(fns...)
}

const s = time.Second

// Restart intensity (semantics §7): max_restarts within max_seconds, then
// one restart more and the supervisor stops.
func TestRestartIntensity(t *testing.T) {
	cases := []struct {
		name   string
		opts   []supervisor.Option
		child  func(context.Context) error
		policy supervisor.Restart
		gaveUp time.Duration // when the supervisor gives up; 0 for never (within a minute)
	}{
		{"default 3 in 5 s: the 4th restart gives up", nil, crashEvery(s), supervisor.Permanent, 4 * s},
		{"restarts spread out never add up", nil, crashEvery(2 * s), supervisor.Permanent, 0},
		{"a restart leaves the window one period later", nil,
			// restarts at 1, 2, 3 s; then at 6 s the one at 1 s has left the window
			crashEvery(s, s, s, 3*s, s/2), supervisor.Permanent, 6*s + s/2},
		{"permanent normal exits count", nil, sequence(exits(s, nil)), supervisor.Permanent, 4 * s},
		{"transient normal exits do not count", nil, sequence(exits(s/10, nil)), supervisor.Transient, 0},
		{"transient crashes count", nil, crashEvery(s), supervisor.Transient, 4 * s},
		{"temporary children never count", nil, crashEvery(s / 10), supervisor.Temporary, 0},
		{"max_restarts 0: the first restart gives up", []supervisor.Option{supervisor.MaxRestarts(0, 5*s)},
			crashEvery(s), supervisor.Permanent, s},
		{"custom 10 in 1 s", []supervisor.Option{supervisor.MaxRestarts(10, s)},
			crashEvery(s / 20), supervisor.Permanent, 11 * s / 20},
		{"custom 10 in 1 s, slow enough", []supervisor.Option{supervisor.MaxRestarts(10, s)},
			crashEvery(s / 9), supervisor.Permanent, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var l log
				begin := time.Now()
				sup := start(t, append(tc.opts, supervisor.WithHook(l.hook))...)
				bystander := startChild(t, sup, blocks)
				id := startChild(t, sup, tc.child, supervisor.WithRestart(tc.policy))
				select {
				case <-sup.Done():
				case <-time.After(time.Minute):
				}
				if tc.gaveUp == 0 {
					assert.NoError(t, sup.Err(), "still running")
					require.NoError(t, sup.Stop(t.Context()))
					assert.ErrorIs(t, sup.Err(), supervisor.ErrStopped)
					assert.Empty(t, l.kinds(event.SupervisorGaveUp))
					return
				}
				assert.Equal(t, tc.gaveUp, time.Since(begin), "gave up then")
				err := sup.Err()
				require.ErrorIs(t, err, supervisor.ErrMaxIntensity)
				var ie *supervisor.IntensityError
				require.ErrorAs(t, err, &ie)
				assert.Equal(t, id, ie.Child)
				assert.ErrorContains(t, err, "reached max restart intensity")
				gaveUp := l.kinds(event.SupervisorGaveUp)
				require.Len(t, gaveUp, 1)
				assert.Equal(t, ie.Restarts, gaveUp[0].N)
				assert.Equal(t, int(id), gaveUp[0].ID)
				// the supervisor stopped every other child on its way out
				assert.Equal(t, []string{"child_started", "child_stopping", "child_shutdown", "child_removed"}, l.trail(bystander))
				assert.NoError(t, sup.Stop(t.Context()), "nothing was abandoned")
				assert.Same(t, err, sup.Err(), "a later Stop does not change the reason")
				_, err = sup.StartChild(t.Context(), blocks)
				assert.ErrorIs(t, err, supervisor.ErrStopped)
			})
		})
	}
}

func TestIntensityErrorCarriesTheLastExit(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		sup := start(t, supervisor.MaxRestarts(0, s))
		startChild(t, sup, explode)
		<-sup.Done()
		var p *task.PanicError
		require.ErrorAs(t, sup.Err(), &p)
		assert.ErrorIs(t, sup.Err(), errFail)
		assert.Equal(t, "supervisor: reached max restart intensity: restart 1 within 1s refused, for child 0 after exit: panic: child failed",
			sup.Err().Error())
	})
}

// The window's state is reported as restarts come and age out.
func TestRestartWindowEvents(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l log
		begin := time.Now()
		sup := start(t, supervisor.WithHook(l.hook))
		startChild(t, sup, crashEvery(s, s, 10*s, time.Hour))
		time.Sleep(20 * s)
		var got []string
		for _, e := range l.kinds(event.RestartWindow) {
			got = append(got, time.Duration(e.Time.Sub(begin)).String()+"="+string(rune('0'+e.N)))
		}
		assert.Equal(t, []string{"1s=1", "2s=2", "6s=1", "7s=0", "12s=1", "17s=0"}, got)
		restarted := l.kinds(event.ChildRestarted)
		require.Len(t, restarted, 3)
		assert.Equal(t, []int{1, 2, 1}, []int{restarted[0].N, restarted[1].N, restarted[2].N})
		require.NoError(t, sup.Stop(t.Context()))
	})
}
