package supervisor_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/supervisor"
)

// life is what one incarnation of a random child does.
type life struct {
	work   time.Duration
	end    int           // 0 returns nil, 1 an error, 2 panics, 3 runs until cancelled
	linger time.Duration // once cancelled, how long it takes to return
	deaf   bool          // ignores cancellation and works to the end
}

func randomLife(r *rand.Rand) life {
	return life{
		work:   time.Duration(r.IntN(400)) * time.Millisecond,
		end:    r.IntN(4),
		linger: time.Duration(r.IntN(300)) * time.Millisecond,
		deaf:   r.IntN(8) == 0,
	}
}

func (lf life) run(ctx context.Context, live *atomic.Int32) error {
	live.Add(1)
	defer live.Add(-1)
	if lf.deaf {
		time.Sleep(lf.work)
		return nil
	}
	work := lf.work
	if lf.end == 3 {
		work = 1000 * time.Hour
	}
	if err := sleep(ctx, work); err != nil {
		time.Sleep(lf.linger)
		return err
	}
	switch lf.end {
	case 1:
		return errFail
	case 2:
		panic("random crash")
	}
	return nil
}

// A random supervisor under random calls, over many seeds: children that
// panic, fail, linger or ignore their cancellation, random terminations,
// an owner's context that ends at a random time, a random restart backoff.
// Whatever happens, the rules of §7 hold (restart policies, intensity, max
// children, shutdown times, restart delays), every incarnation ends once,
// and nothing is left running.
func TestPropertiesOverManySeeds(t *testing.T) {
	seeds := 300
	if testing.Short() {
		seeds = 30
	}
	for seed := range seeds {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) { randomRun(t, uint64(seed)) })
		})
	}
}

type world struct {
	maxChildren, maxRestarts int
	period                   time.Duration
	backoff                  [2]time.Duration // first and max; zero: restarts at once
	policy                   map[int]supervisor.Restart
	shutdown                 map[int]time.Duration
	refused                  int
}

func randomRun(t *testing.T, seed uint64) {
	r := rand.New(rand.NewPCG(seed, 99))
	w := world{maxRestarts: r.IntN(6), period: time.Duration(100+r.IntN(2000)) * time.Millisecond,
		policy: map[int]supervisor.Restart{}, shutdown: map[int]time.Duration{}}
	if r.IntN(2) == 0 { // lenient: more runs last to the end
		w.maxRestarts = 10 + r.IntN(30)
	}
	opts := []supervisor.Option{supervisor.MaxRestarts(w.maxRestarts, w.period)}
	if r.IntN(2) == 0 {
		first := time.Duration(1+r.IntN(100)) * time.Millisecond
		w.backoff = [2]time.Duration{first, first * time.Duration(1+r.IntN(20))}
		opts = append(opts, supervisor.RestartBackoff(w.backoff[0], w.backoff[1]))
	}
	if r.IntN(3) > 0 {
		w.maxChildren = 1 + r.IntN(6)
		opts = append(opts, supervisor.MaxChildren(w.maxChildren))
	}
	var l log
	var live atomic.Int32
	ctx, cancel := context.WithCancelCause(t.Context())
	defer cancel(nil)
	errOwner := errors.New("owner left")
	if r.IntN(4) == 0 { // the owner's context ends at a random time
		time.AfterFunc(time.Duration(r.IntN(6000))*time.Millisecond, func() { cancel(errOwner) })
	}
	sup, err := supervisor.Start(ctx, append(opts, supervisor.WithHook(l.hook))...)
	require.NoError(t, err)

	var ids []supervisor.ID
	for range 40 {
		time.Sleep(time.Duration(r.IntN(300)) * time.Millisecond)
		switch op := r.IntN(10); {
		case op < 6:
			lives := make([]life, 12)
			for i := range lives {
				lives[i] = randomLife(r)
			}
			n := 0
			fn := func(ctx context.Context) error { n++; return lives[min(n-1, len(lives)-1)].run(ctx, &live) }
			policy := supervisor.Restart(r.IntN(3))
			shutdown := []time.Duration{0, 50 * time.Millisecond, 200 * time.Millisecond, 5 * time.Second}[r.IntN(4)]
			id, err := sup.StartChild(t.Context(), fn, supervisor.WithRestart(policy), supervisor.Shutdown(shutdown))
			switch {
			case err == nil:
				ids = append(ids, id)
				w.policy[int(id)], w.shutdown[int(id)] = policy, shutdown
			case errors.Is(err, supervisor.ErrMaxChildren):
				w.refused++
			default:
				require.ErrorIs(t, err, supervisor.ErrStopped)
			}
		case op < 8 && len(ids) > 0:
			go func(id supervisor.ID) { _ = sup.TerminateChild(context.Background(), id) }(ids[r.IntN(len(ids))])
		default:
			n, err := sup.CountChildren(t.Context())
			if errors.Is(err, supervisor.ErrStopped) {
				continue
			}
			require.NoError(t, err)
			if w.maxChildren > 0 {
				assert.LessOrEqual(t, n.Children, w.maxChildren)
			}
			assert.LessOrEqual(t, n.Restarts, w.maxRestarts)
			assert.LessOrEqual(t, n.Stopping, n.Children)
		}
	}
	stopErr := sup.Stop(t.Context())
	assert.LessOrEqual(t, int(live.Load()), len(l.kinds(event.ChildAbandoned)), "only abandoned children may still run")
	if sup.Err() != supervisor.ErrStopped && sup.Err() != errOwner {
		require.ErrorIs(t, sup.Err(), supervisor.ErrMaxIntensity)
	}
	stopped := l.kinds(event.SupervisorStopped)
	require.Len(t, stopped, 1)
	if stopped[0].N > 0 {
		assert.Error(t, stopErr)
	} else {
		assert.NoError(t, stopErr)
	}

	checkTrace(t, w, l.all())
	time.Sleep(2000 * time.Hour) // abandoned children finish their work
	assert.Zero(t, live.Load(), "every goroutine ended")
}
