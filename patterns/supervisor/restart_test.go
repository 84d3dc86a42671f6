package supervisor_test

import (
	"context"
	"fmt"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/supervisor"
)

// How an incarnation ends, and the event that reports it.
var exitsOfEachKind = []struct {
	name     string
	fn       func(context.Context) error
	reported string
	abnormal bool
}{
	{"normal exit", exits(10*time.Millisecond, nil), "child_exited", false},
	{"returned error", exits(10*time.Millisecond, errFail), "child_crashed", true},
	{"panic", panics(10 * time.Millisecond), "child_crashed", true},
}

// Every restart policy against every kind of exit (semantics §7, restart).
func TestRestartPolicies(t *testing.T) {
	policies := []struct {
		policy     supervisor.Restart
		onNormal   bool
		onAbnormal bool
	}{
		{supervisor.Permanent, true, true},
		{supervisor.Transient, false, true},
		{supervisor.Temporary, false, false},
	}
	for _, p := range policies {
		for _, x := range exitsOfEachKind {
			want := p.onNormal
			if x.abnormal {
				want = p.onAbnormal
			}
			t.Run(fmt.Sprintf("%v/%s", p.policy, x.name), func(t *testing.T) {
				synctest.Test(t, func(t *testing.T) {
					var l log
					sup := start(t, supervisor.WithHook(l.hook))
					id := startChild(t, sup, sequence(x.fn, blocks), supervisor.WithRestart(p.policy))
					time.Sleep(time.Second)
					if want {
						assert.Equal(t, []string{"child_started", x.reported, "child_restarted", "child_started"}, l.trail(id))
					} else {
						assert.Equal(t, []string{"child_started", x.reported, "child_removed"}, l.trail(id))
					}
					require.NoError(t, sup.Stop(t.Context()))
				})
			})
		}
		t.Run(fmt.Sprintf("%v/shutdown exit", p.policy), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var l log
				sup := start(t, supervisor.WithHook(l.hook))
				id := startChild(t, sup, blocks, supervisor.WithRestart(p.policy))
				require.NoError(t, sup.TerminateChild(t.Context(), id))
				assert.Equal(t, []string{"child_started", "child_stopping", "child_shutdown", "child_removed"}, l.trail(id),
					"a child the supervisor stopped is never restarted")
				require.NoError(t, sup.Stop(t.Context()))
			})
		})
	}
}

func TestDefaultPolicyIsPermanent(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l log
		sup := start(t, supervisor.WithHook(l.hook))
		id := startChild(t, sup, sequence(exits(time.Millisecond, nil), blocks))
		time.Sleep(time.Second)
		assert.Contains(t, l.trail(id), "child_restarted")
		children, err := sup.WhichChildren(t.Context())
		require.NoError(t, err)
		assert.Equal(t, []supervisor.ChildInfo{{ID: id, Slot: 0, Restart: supervisor.Permanent, Restarts: 1}}, children)
		require.NoError(t, sup.Stop(t.Context()))
	})
}

// one_for_one: a child's exit restarts that child alone.
func TestOneForOne(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l log
		sup := start(t, supervisor.WithHook(l.hook))
		a := startChild(t, sup, blocks)
		b := startChild(t, sup, sequence(panics(50*time.Millisecond), blocks))
		c := startChild(t, sup, blocks)
		time.Sleep(time.Second)
		assert.Equal(t, []string{"child_started"}, l.trail(a))
		assert.Equal(t, []string{"child_started"}, l.trail(c))
		assert.Equal(t, []string{"child_started", "child_crashed", "child_restarted", "child_started"}, l.trail(b))
		restarted := l.kinds(event.ChildStarted)
		require.Len(t, restarted, 4)
		assert.Equal(t, 1, restarted[3].N, "the second incarnation")
		assert.Equal(t, 1, restarted[3].Slot, "a restarted child keeps its id and slot")
		require.NoError(t, sup.Stop(t.Context()))
	})
}

// Once the supervisor cancelled a child, a panic or an error of its own is
// still reported as a crash, though the child is not restarted.
func TestCrashWhileStoppingIsReportedNotRestarted(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l log
		sup := start(t, supervisor.WithHook(l.hook))
		id := startChild(t, sup, func(ctx context.Context) error {
			<-ctx.Done()
			panic("cleanup failed")
		})
		require.NoError(t, sup.TerminateChild(t.Context(), id))
		assert.Equal(t, []string{"child_started", "child_stopping", "child_crashed", "child_removed"}, l.trail(id))
		require.NoError(t, sup.Stop(t.Context()))
	})
}
