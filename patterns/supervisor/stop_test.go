package supervisor_test

import (
	"context"
	"errors"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/supervisor"
	"github.com/concurrency-patterns/playground/patterns/task"
)

type childSpec struct {
	fn   func(context.Context) error
	opts []supervisor.ChildOption
}

// Child shutdown (semantics §7): on stop every child is cancelled at once;
// each has its shutdown time, default 5 s, then it is abandoned.
func TestStopShutsChildrenDown(t *testing.T) {
	ms := time.Millisecond
	cases := []struct {
		name      string
		children  []childSpec
		took      time.Duration
		abandoned []int // ids
	}{
		{"a cooperative child returns at once", []childSpec{{fn: blocks}}, 0, nil},
		{"default shutdown is 5 s", []childSpec{{fn: stubborn(time.Hour)}}, 5 * time.Second, []int{0}},
		{"custom shutdown", []childSpec{{fn: stubborn(time.Hour), opts: []supervisor.ChildOption{supervisor.Shutdown(200 * ms)}}}, 200 * ms, []int{0}},
		{"shutdown 0 abandons at once", []childSpec{{fn: stubborn(time.Hour), opts: []supervisor.ChildOption{supervisor.Shutdown(0)}}}, 0, []int{0}},
		{"slow but in time", []childSpec{{fn: lingers(300 * ms), opts: []supervisor.ChildOption{supervisor.Shutdown(time.Second)}}}, 300 * ms, nil},
		{"children stop in parallel", []childSpec{{fn: lingers(300 * ms)}, {fn: lingers(300 * ms)}, {fn: lingers(300 * ms)}}, 300 * ms, nil},
		{"each child has its own shutdown time", []childSpec{
			{fn: stubborn(time.Hour), opts: []supervisor.ChildOption{supervisor.Shutdown(100 * ms)}},
			{fn: lingers(300 * ms)},
			{fn: stubborn(time.Hour), opts: []supervisor.ChildOption{supervisor.Shutdown(200 * ms)}},
		}, 300 * ms, []int{0, 2}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var l log
				sup := start(t, supervisor.WithHook(l.hook))
				for _, c := range tc.children {
					startChild(t, sup, c.fn, c.opts...)
				}
				begin := time.Now()
				err := sup.Stop(t.Context())
				assert.Equal(t, tc.took, time.Since(begin))
				var abandoned []int
				for _, e := range l.kinds(event.ChildAbandoned) {
					abandoned = append(abandoned, e.ID)
					assert.ErrorIs(t, e.Err, task.ErrAbandoned)
				}
				assert.Equal(t, tc.abandoned, abandoned)
				if tc.abandoned == nil {
					assert.NoError(t, err)
				} else {
					require.ErrorIs(t, err, task.ErrAbandoned)
				}
				assert.ErrorIs(t, sup.Err(), supervisor.ErrStopped)
				stopped := l.kinds(event.SupervisorStopped)
				require.Len(t, stopped, 1)
				assert.Equal(t, len(tc.abandoned), stopped[0].N)
				assert.Len(t, l.kinds(event.ChildStopping), len(tc.children))
				assert.Len(t, l.kinds(event.ChildRemoved), len(tc.children))
				time.Sleep(2 * time.Hour) // let abandoned goroutines end inside the bubble
			})
		})
	}
}

func TestStopErrorNamesTheAbandoned(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		sup := start(t)
		startChild(t, sup, blocks)
		startChild(t, sup, stubborn(time.Hour), supervisor.Shutdown(0))
		startChild(t, sup, stubborn(time.Hour), supervisor.Shutdown(250*time.Millisecond))
		err := sup.Stop(t.Context())
		assert.EqualError(t, err, "supervisor: 2 children abandoned when their shutdown time ran out (child 1 after 0s, child 2 after 250ms)")
		var abandoned *supervisor.AbandonedError
		require.ErrorAs(t, err, &abandoned)
		assert.Equal(t, []supervisor.AbandonedChild{{ID: 1, Shutdown: 0}, {ID: 2, Shutdown: 250 * time.Millisecond}}, abandoned.Children)
		assert.ErrorIs(t, err, task.ErrAbandoned)
		assert.Equal(t, err, sup.Stop(t.Context()), "the same for every Stop")
		time.Sleep(2 * time.Hour)
	})
}

func TestLifecycle(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		sup := start(t)
		id := startChild(t, sup, blocks)
		assert.NoError(t, sup.Err(), "nil while running")
		select {
		case <-sup.Done():
			t.Fatal("done while running")
		default:
		}
		ctx, cancel := context.WithTimeout(t.Context(), time.Second)
		defer cancel()
		assert.ErrorIs(t, sup.Wait(ctx), context.DeadlineExceeded)

		require.NoError(t, sup.Stop(t.Context()))
		<-sup.Done()
		require.NoError(t, sup.Stop(t.Context()), "Stop may be called again")
		assert.ErrorIs(t, sup.Wait(t.Context()), supervisor.ErrStopped)
		assert.ErrorIs(t, sup.Err(), supervisor.ErrStopped)

		_, err := sup.StartChild(t.Context(), blocks)
		assert.ErrorIs(t, err, supervisor.ErrStopped)
		assert.ErrorIs(t, sup.TerminateChild(t.Context(), id), supervisor.ErrStopped)
		_, err = sup.WhichChildren(t.Context())
		assert.ErrorIs(t, err, supervisor.ErrStopped)
		_, err = sup.CountChildren(t.Context())
		assert.ErrorIs(t, err, supervisor.ErrStopped)
	})
}

func TestStopWithADoneContextStillStops(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		sup := start(t)
		startChild(t, sup, stubborn(time.Hour), supervisor.Shutdown(time.Second))
		ctx, cancel := context.WithCancel(t.Context())
		cancel()
		begin := time.Now()
		assert.ErrorIs(t, sup.Stop(ctx), context.Canceled, "ctx bounds only the wait")
		_, err := sup.StartChild(t.Context(), blocks)
		assert.ErrorIs(t, err, supervisor.ErrStopped, "refused while stopping")
		assert.ErrorIs(t, sup.Wait(t.Context()), supervisor.ErrStopped)
		assert.Equal(t, time.Second, time.Since(begin))
		time.Sleep(2 * time.Hour)
	})
}

func TestEndingTheStartContextStopsTheSupervisor(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l log
		errOwner := errors.New("owner is leaving")
		ctx, cancel := context.WithCancelCause(t.Context())
		sup, err := supervisor.Start(ctx, supervisor.WithHook(l.hook))
		require.NoError(t, err)
		id := startChild(t, sup, blocks)
		cancel(errOwner)
		<-sup.Done()
		assert.Same(t, errOwner, sup.Err())
		assert.Equal(t, []string{"child_started", "child_stopping", "child_shutdown", "child_removed"}, l.trail(id))
		stopping := l.kinds(event.SupervisorStopping)
		require.Len(t, stopping, 1)
		assert.Same(t, errOwner, stopping[0].Err)
		assert.NoError(t, sup.Stop(t.Context()))
	})
}

func TestStartWithADoneContext(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	sup, err := supervisor.Start(ctx)
	assert.Nil(t, sup)
	assert.ErrorIs(t, err, context.Canceled)
}

// Children get the values of the context given to Start, not its deadline.
func TestChildrenSeeTheStartContextsValues(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		type key struct{}
		ctx, cancel := context.WithTimeout(context.WithValue(t.Context(), key{}, "v"), time.Hour)
		defer cancel()
		sup, err := supervisor.Start(ctx)
		require.NoError(t, err)
		seen := make(chan any, 1)
		startChild(t, sup, func(ctx context.Context) error {
			_, has := ctx.Deadline()
			seen <- [2]any{ctx.Value(key{}), has}
			return blocks(ctx)
		})
		assert.Equal(t, [2]any{"v", false}, <-seen)
		require.NoError(t, sup.Stop(t.Context()))
	})
}

func TestAChildThatCallsStopIsAbandoned(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		sup := start(t)
		fromChild := make(chan error, 1)
		startChild(t, sup, func(ctx context.Context) error {
			fromChild <- sup.Stop(context.Background())
			return nil
		}, supervisor.Shutdown(100*time.Millisecond))
		begin := time.Now()
		<-sup.Done()
		assert.Equal(t, 100*time.Millisecond, time.Since(begin))
		assert.ErrorIs(t, <-fromChild, task.ErrAbandoned)
		assert.ErrorIs(t, sup.Err(), supervisor.ErrStopped)
	})
}
