package stage_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/stage"
	"github.com/concurrency-patterns/playground/patterns/supervisor"
	"github.com/concurrency-patterns/playground/patterns/task"
)

var errChild = errors.New("child failed")

// childGate holds a consumer supervisor's children until the test lets each go.
type childGate struct {
	mu      sync.Mutex
	release map[int]chan error
	running int
}

func newChildGate() *childGate { return &childGate{release: map[int]chan error{}} }

func (g *childGate) child(ctx context.Context, e int) error {
	g.mu.Lock()
	ch := make(chan error, 1)
	g.release[e] = ch
	g.running++
	g.mu.Unlock()
	defer func() { g.mu.Lock(); g.running--; g.mu.Unlock() }()
	select {
	case err := <-ch:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (g *childGate) let(e int, err error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.release[e] <- err
}

func (g *childGate) now() int { g.mu.Lock(); defer g.mu.Unlock(); return g.running }

// ConsumerSupervisor's demand: max children at once, asked for again once
// min places are free.
func TestConsumerSupervisorDemand(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := &log{}
		pl := newPipeline(t, l)
		src := must(stage.NewPushProducer[int](pl))
		g := newChildGate()
		cs := must(stage.NewConsumerSupervisor(pl, g.child, stage.MaxDemand(4), stage.MinDemand(2)))
		require.NoError(t, cs.SubscribeTo(src))
		require.NoError(t, pl.Start(t.Context()))
		require.NoError(t, src.Push(0, 1, 2, 3, 4, 5, 6, 7, 8))
		synctest.Wait()
		assert.Equal(t, 4, g.now(), "max demand children at once")
		g.let(0, nil)
		synctest.Wait()
		assert.Equal(t, 3, g.now(), "one free place is below min: no demand yet")
		g.let(1, nil)
		synctest.Wait()
		assert.Equal(t, 4, g.now(), "two free places: two more events, two more children")
		assert.Equal(t, []int{4, 2}, l.ns(event.DemandAsked, cs.ID()))
		for e := 2; e < 9; e++ {
			g.let(e, nil)
			synctest.Wait()
		}
		src.Close()
		require.NoError(t, pl.Wait())
		assert.Len(t, l.of(event.EventChildStarted, cs.ID()), 9, "a child per event")
		assert.Len(t, l.of(event.EventChildExited, cs.ID()), 9)
		assert.Equal(t, int64(9), cs.Stats().Handled)
	})
}

// The restart policies, rule by rule: a temporary child runs once; a
// transient one runs again for its event after an abnormal exit, not after
// a normal one; a panic is an abnormal exit, never a crash.
func TestConsumerSupervisorRestarts(t *testing.T) {
	cases := []struct {
		name     string
		restart  supervisor.Restart
		fails    int  // how many times the child for event 1 fails before it succeeds
		panics   bool // it fails by panicking
		runs     int  // how many times it runs
		handled  int64
		failed   int64
		restarts int
	}{
		{"temporary, fails", supervisor.Temporary, 1, false, 1, 1, 1, 0},
		{"temporary, panics", supervisor.Temporary, 1, true, 1, 1, 1, 0},
		{"transient, succeeds", supervisor.Transient, 0, false, 1, 2, 0, 0},
		{"transient, fails twice", supervisor.Transient, 2, false, 3, 2, 0, 2},
		{"transient, panics", supervisor.Transient, 1, true, 2, 2, 0, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				l := &log{}
				pl := newPipeline(t, l)
				runs := 0
				src := must(stage.NewProducer(pl, numbers(2)))
				cs := must(stage.NewConsumerSupervisor(pl, func(ctx context.Context, e int) error {
					if e != 1 {
						return nil
					}
					runs++
					if runs > tc.fails {
						return nil
					}
					if tc.panics {
						panic("child bug")
					}
					return errChild
				}, stage.ChildRestart(tc.restart)))
				require.NoError(t, cs.SubscribeTo(src))
				require.NoError(t, pl.Run(t.Context()), "a child's failure does not stop the pipeline")
				assert.Equal(t, tc.runs, runs)
				st := cs.Stats()
				assert.Equal(t, []int64{tc.handled, tc.failed}, []int64{st.Handled, st.Failed})
				assert.Len(t, l.of(event.EventChildRestarted, cs.ID()), tc.restarts)
				exits := l.of(event.EventChildExited, cs.ID())
				if tc.panics && tc.fails > 0 {
					var ee *task.ExitError
					var found bool
					for _, e := range exits {
						found = found || errors.As(e.Err, &ee)
					}
					assert.True(t, found, "a panic is reported as an exit error")
				}
			})
		})
	}
}

// One restart more than the intensity allows fails the supervisor, which
// stops the pipeline; restarts spread wider than the period do not.
func TestConsumerSupervisorIntensity(t *testing.T) {
	for _, gap := range []time.Duration{time.Second, 3 * time.Second} {
		t.Run(gap.String(), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				pl := newPipeline(t, nil)
				runs := 0
				src := must(stage.NewProducer(pl, numbers(1)))
				cs := must(stage.NewConsumerSupervisor(pl, func(ctx context.Context, e int) error {
					runs++
					if runs > 5 {
						return nil
					}
					time.Sleep(gap)
					return errChild
				}, stage.ChildRestart(supervisor.Transient)))
				require.NoError(t, cs.SubscribeTo(src))
				err := pl.Run(t.Context())
				if gap == time.Second { // the 4th restart falls within 5 s of the first
					assert.ErrorIs(t, err, supervisor.ErrMaxIntensity)
					assert.ErrorIs(t, err, errChild, "the last exit is kept")
					assert.Equal(t, 4, runs)
					return
				}
				require.NoError(t, err) // at most two restarts within any 5 s
				assert.Equal(t, 6, runs)
			})
		})
	}
}

func TestConsumerSupervisorOptions(t *testing.T) {
	pl := newPipeline(t, nil)
	noop := func(context.Context, int) error { return nil }
	_, err := stage.NewConsumerSupervisor(pl, noop, stage.ChildRestart(supervisor.Permanent))
	assert.ErrorIs(t, err, stage.ErrInvalidOption, "ConsumerSupervisor refuses permanent children")
	_, err = stage.NewConsumerSupervisor(pl, noop, stage.MaxRestarts(-1, 0))
	assert.ErrorIs(t, err, stage.ErrInvalidOption)
	_, err = stage.NewConsumerSupervisor[int](pl, nil)
	assert.ErrorIs(t, err, stage.ErrInvalidOption)
	_, err = stage.NewConsumerSupervisor(pl, noop, stage.BatchSize(3))
	assert.ErrorIs(t, err, stage.ErrInvalidOption, "a batch option does not apply")
	_, err = stage.NewConsumer(pl, (&collector{}).consume, stage.ChildRestart(supervisor.Transient))
	assert.ErrorIs(t, err, stage.ErrInvalidOption, "nor a child option to a consumer")
}

// Stopping the pipeline cancels every child and waits for it; the events
// they had are discarded and counted.
func TestConsumerSupervisorStops(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		pl := newPipeline(t, nil)
		src := must(stage.NewPushProducer[int](pl))
		g := newChildGate()
		cs := must(stage.NewConsumerSupervisor(pl, g.child, stage.MaxDemand(3)))
		require.NoError(t, cs.SubscribeTo(src))
		require.NoError(t, pl.Start(ctx))
		require.NoError(t, src.Push(1, 2, 3, 4))
		synctest.Wait()
		require.Equal(t, 3, g.now())
		cancel()
		assert.ErrorIs(t, pl.Wait(), context.Canceled)
		assert.Zero(t, g.now(), "every child returned")
		st := pl.Stats()
		assert.Equal(t, int64(4), st.Discarded, "three in children, one in the buffer")
	})
}

// A cancelled subscription starts no more children; those running finish,
// and the supervisor, left without subscriptions, ends once they have.
func TestConsumerSupervisorCancel(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := &log{}
		pl := newPipeline(t, l)
		src := must(stage.NewPushProducer[int](pl))
		g := newChildGate()
		var cancels []cancelCall
		cs := must(stage.NewConsumerSupervisor(pl, g.child, stage.MaxDemand(2),
			stage.HandleCancel(func(_ context.Context, producer int, reason error) {
				cancels = append(cancels, cancelCall{producer, reason})
			})))
		require.NoError(t, cs.SubscribeTo(src, stage.Cancel(stage.CancelTemporary)))
		require.NoError(t, pl.Start(t.Context()))
		require.NoError(t, src.Push(1, 2, 3, 4))
		synctest.Wait()
		require.NoError(t, cs.Cancel(src, errGone))
		synctest.Wait()
		assert.Equal(t, []cancelCall{{src.ID(), errGone}}, cancels)
		assert.Equal(t, 2, g.now(), "the running children run on")
		g.let(1, nil)
		g.let(2, errChild)
		require.NoError(t, pl.Wait(), "temporary: an abnormal cancel does not fail it")
		assert.Len(t, l.of(event.EventChildStarted, cs.ID()), 2, "no child after the cancel")
		st := cs.Stats()
		assert.Equal(t, []int64{1, 1}, []int64{st.Handled, st.Failed})
		assert.Equal(t, int64(2), pl.Stats().Discarded, "the two events the producer still had")
	})
}

// A give-up heard together with other exits: children that returned at
// the same moment as the one that used up the intensity are heard too,
// so the pipeline stops at once and reports none abandoned.
func TestConsumerSupervisorGiveUpHearsEveryExit(t *testing.T) {
	for round := range 20 {
		synctest.Test(t, func(t *testing.T) {
			l := &log{}
			pl := newPipeline(t, l)
			src := must(stage.NewProducer(pl, numbers(8)))
			cs := must(stage.NewConsumerSupervisor(pl, func(ctx context.Context, e int) error {
				time.Sleep(time.Second) // all eight return at the same moment
				return errChild
			}, stage.ChildRestart(supervisor.Transient), stage.MaxRestarts(0, 5*time.Second)))
			require.NoError(t, cs.SubscribeTo(src))
			began := time.Now()
			err := pl.Run(t.Context())
			assert.ErrorIs(t, err, supervisor.ErrMaxIntensity, "round %d", round)
			assert.Equal(t, time.Second, time.Since(began), "round %d: stopped without waiting out the shutdown", round)
			assert.Empty(t, l.of(event.StageAbandoned, -1), "round %d: every child was heard to return", round)
			assert.Equal(t, len(l.of(event.EventChildStarted, -1)), len(l.of(event.EventChildExited, -1)), "round %d", round)
		})
	}
}
