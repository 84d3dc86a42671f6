package supervisor_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/supervisor"
)

// step is what one random start step does: 0 succeeds, 1 ignores, 2 fails,
// 3 panics, 4 takes a while and then succeeds unless cancelled, 5 takes a
// while and succeeds whatever happens.
type step struct {
	kind int
	took time.Duration
}

func (s step) init(live *atomic.Int32, run func(context.Context) error) supervisor.Init {
	return func(ctx context.Context) (func(context.Context) error, error) {
		live.Add(1)
		defer live.Add(-1)
		switch s.kind {
		case 1:
			return nil, supervisor.ErrIgnore
		case 2:
			return nil, errFail
		case 3:
			panic("start step crashed")
		case 4:
			if err := sleep(ctx, s.took); err != nil {
				return nil, err
			}
		case 5:
			time.Sleep(s.took)
		}
		return run, nil
	}
}

// selfStop is a random child run that may also stop itself with a shutdown
// reason.
func selfStop(r *rand.Rand, live *atomic.Int32) func(context.Context) error {
	lf := randomLife(r)
	switch r.IntN(4) {
	case 0:
		return func(ctx context.Context) error {
			if err := sleep(ctx, lf.work); err != nil {
				return err
			}
			return supervisor.ErrShutdown
		}
	case 1:
		return func(ctx context.Context) error {
			if err := sleep(ctx, lf.work); err != nil {
				return err
			}
			return &supervisor.ShutdownError{Reason: "done for now"}
		}
	}
	return func(ctx context.Context) error { return lf.run(ctx, live) }
}

// Children with start steps under random calls, over many seeds: every
// start is answered once, every incarnation ends once, every child is let
// go, and the restart rules hold for shutdown reasons too.
func TestStartStepPropertiesOverManySeeds(t *testing.T) {
	seeds := 300
	if testing.Short() {
		seeds = 30
	}
	for seed := range seeds {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) { randomStarts(t, uint64(seed)) })
		})
	}
}

// answers counts how StartChildInit calls ended.
type answers struct {
	mu      sync.Mutex
	ok      []supervisor.ID
	ignored int
	other   int
}

func (a *answers) add(id supervisor.ID, err error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	switch {
	case err == nil:
		a.ok = append(a.ok, id)
	case errors.Is(err, supervisor.ErrIgnore):
		a.ignored++
	default:
		a.other++
	}
}

func randomStarts(t *testing.T, seed uint64) {
	r := rand.New(rand.NewPCG(seed, 7))
	maxRestarts, period := 3+r.IntN(20), time.Duration(100+r.IntN(2000))*time.Millisecond
	opts := []supervisor.Option{supervisor.MaxRestarts(maxRestarts, period)}
	maxChildren := -1
	if r.IntN(3) > 0 {
		maxChildren = r.IntN(6)
		opts = append(opts, supervisor.MaxChildren(maxChildren))
	}
	var l log
	var live atomic.Int32
	sup := start(t, append(opts, supervisor.WithHook(l.hook))...)
	policy := map[supervisor.ID]supervisor.Restart{}
	var got answers
	var callers sync.WaitGroup
	for range 30 {
		time.Sleep(time.Duration(r.IntN(300)) * time.Millisecond)
		switch op := r.IntN(10); {
		case op < 6:
			steps := make([]supervisor.Init, 8)
			for i := range steps {
				s := step{kind: r.IntN(6), took: time.Duration(r.IntN(300)) * time.Millisecond}
				if r.IntN(2) == 0 {
					s.kind = 0 // starts mostly succeed, so that children get to run
				}
				steps[i] = s.init(&live, selfStop(r, &live))
			}
			p := supervisor.Restart(r.IntN(3))
			shutdown := []time.Duration{0, 50 * time.Millisecond, 200 * time.Millisecond}[r.IntN(3)]
			ctx, cancel := context.WithTimeout(t.Context(), time.Duration(50+r.IntN(500))*time.Millisecond)
			callers.Go(func() {
				defer cancel()
				id, err := sup.StartChildInit(ctx, inits(steps...), supervisor.WithRestart(p), supervisor.Shutdown(shutdown))
				got.add(id, err)
			})
			synctest.Wait() // the loop has admitted or refused the start by now
			if firsts := firstStarts(&l); len(firsts) > len(policy) {
				policy[supervisor.ID(firsts[len(firsts)-1].ID)] = p
			}
		case op < 8:
			if which, err := sup.WhichChildren(t.Context()); err == nil && len(which) > 0 {
				id := which[r.IntN(len(which))].ID
				go func() { _ = sup.TerminateChild(context.Background(), id) }()
			}
		default:
			which, err := sup.WhichChildren(t.Context())
			if errors.Is(err, supervisor.ErrStopped) {
				continue
			}
			require.NoError(t, err)
			if maxChildren >= 0 {
				assert.LessOrEqual(t, len(which), maxChildren)
			}
			for _, c := range which {
				assert.False(t, c.Starting && c.Restarting, "starting or restarting, not both")
				assert.Equal(t, c.Restarting, c.Restarting && c.Restarts > 0, "restarting only after a first run")
			}
		}
	}
	callers.Wait()
	_ = sup.Stop(t.Context())
	time.Sleep(2000 * time.Hour) // abandoned children finish their work
	assert.Zero(t, live.Load(), "every goroutine ended")
	checkStarts(t, l.all(), policy, maxChildren, &got)
}

// firstStarts lists the ChildStarted events of first incarnations.
func firstStarts(l *log) []event.Event {
	var out []event.Event
	for _, e := range l.kinds(event.ChildStarted) {
		if e.N == 0 {
			out = append(out, e)
		}
	}
	return out
}

// checkStarts replays a run's events.
func checkStarts(t *testing.T, trace []event.Event, policy map[supervisor.ID]supervisor.Restart, maxChildren int, got *answers) {
	held, began, ended := 0, 0, 0
	cancelled := map[int]bool{}
	removed := map[int]int{}
	first := map[int]event.Kind{} // how each child's first start step ended
	over := false
	for i, e := range trace {
		next := func() event.Kind { return nextAbout(trace[i+1:], e.ID) }
		switch e.Kind {
		case event.ChildStarted:
			began++
			if e.N == 0 {
				held++
				if maxChildren >= 0 {
					require.LessOrEqual(t, held, maxChildren, "a start step holds its place")
				}
			}
		case event.ChildReady, event.ChildIgnored, event.ChildStartFailed:
			if e.N == 0 {
				if _, seen := first[e.ID]; !seen {
					first[e.ID] = e.Kind
				}
			}
			if e.Kind == event.ChildReady {
				continue
			}
			ended++
			switch {
			case e.Kind == event.ChildIgnored || e.N == 0 || cancelled[e.ID] || over:
				require.Equal(t, event.ChildRemoved, next(), "%v at incarnation %d: let go", e.Kind, e.N)
			default:
				require.Contains(t, []event.Kind{event.ChildRestarted, event.SupervisorGaveUp}, next(),
					"a restart whose start failed is tried again")
			}
		case event.ChildExited, event.ChildCrashed, event.ChildShutdown:
			ended++
			p := policy[supervisor.ID(e.ID)]
			selfShutdown := e.Kind == event.ChildShutdown && !cancelled[e.ID]
			if selfShutdown && p != supervisor.Permanent {
				require.Equal(t, event.ChildRemoved, next(), "a %v child that stopped itself is let go", p)
			}
		case event.ChildAbandoned:
			ended++
		case event.ChildStopping:
			cancelled[e.ID] = true
		case event.ChildRemoved:
			held--
			removed[e.ID]++
		case event.SupervisorStopping:
			over = true
		}
	}
	assert.Zero(t, held, "every child let go")
	assert.Equal(t, began, ended, "every incarnation ended once")
	for id, n := range removed {
		assert.Equal(t, 1, n, "child %d removed once", id)
	}
	ignored := 0
	for _, k := range first {
		if k == event.ChildIgnored {
			ignored++
		}
	}
	got.mu.Lock()
	defer got.mu.Unlock()
	assert.Equal(t, ignored, got.ignored, "each ignored first start answered ErrIgnore")
	for _, id := range got.ok {
		assert.Equal(t, event.ChildReady, first[int(id)], "child %d started as answered", id)
	}
}
