package stage_test

import (
	"context"
	"math/rand/v2"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/stage"
	"github.com/concurrency-patterns/playground/patterns/supervisor"
)

// Random consumer supervisors over random producers: every event gets
// exactly one child that ends it (a transient one may run again first),
// no more children run at once than max demand per producer, and every
// child is accounted for, in the trace and in the counts.
func TestConsumerSupervisorOverManySeeds(t *testing.T) {
	for seed := range 150 {
		t.Run(strconv.Itoa(seed), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) { supervisorRun(t, rand.New(rand.NewPCG(uint64(seed), 12))) })
		})
	}
}

func supervisorRun(t *testing.T, r *rand.Rand) {
	l := &log{}
	pl := newPipeline(t, l)
	nProducers := 1 + r.IntN(3)
	total := 0
	var producers []*stage.Producer[int]
	for range nProducers {
		n := r.IntN(120)
		producers = append(producers, tagged(pl, r, n, 1))
		total += n
	}
	maxDemand := 1 + r.IntN(12)
	restart := []supervisor.Restart{supervisor.Temporary, supervisor.Transient}[r.IntN(2)]
	var running, peak atomic.Int32
	var mu sync.Mutex
	runs := map[int]int{}   // how many times a child ran for each event
	finals := map[int]int{} // how many runs ended it for good
	rs := rand.New(rand.NewPCG(r.Uint64(), 2))
	var rsMu sync.Mutex
	draw := func(n int) int { rsMu.Lock(); defer rsMu.Unlock(); return rs.IntN(n) }
	cs := must(stage.NewConsumerSupervisor(pl, func(ctx context.Context, e int) error {
		now := running.Add(1)
		defer running.Add(-1)
		for p := peak.Load(); now > p && !peak.CompareAndSwap(p, now); p = peak.Load() {
		}
		mu.Lock()
		runs[e]++
		attempt := runs[e]
		mu.Unlock()
		time.Sleep(time.Duration(draw(5)) * time.Millisecond)
		fail := attempt <= 2 && draw(3) == 0 // a transient child succeeds by its third run
		mu.Lock()
		if !fail || restart == supervisor.Temporary {
			finals[e]++
		}
		mu.Unlock()
		if fail {
			if draw(2) == 0 {
				panic("child bug")
			}
			return errChild
		}
		return nil
	}, stage.MaxDemand(maxDemand), stage.MinDemand(r.IntN(maxDemand)), stage.ChildRestart(restart),
		stage.MaxRestarts(1_000_000, time.Second)))
	for _, p := range producers {
		require.NoError(t, cs.SubscribeTo(p, stage.Cancel(stage.CancelTransient)))
	}
	require.NoError(t, pl.Run(t.Context()))

	assert.LessOrEqual(t, int(peak.Load()), maxDemand*nProducers, "children at once")
	assert.Len(t, finals, total, "every event got a child")
	for e, n := range finals {
		assert.Equal(t, 1, n, "event %d ended by one child", e)
	}
	st := cs.Stats()
	assert.Equal(t, int64(total), st.Received)
	assert.Equal(t, st.Received, st.Handled+st.Failed, "%+v", st)
	started := len(l.of(event.EventChildStarted, cs.ID()))
	assert.Equal(t, started, len(l.of(event.EventChildExited, cs.ID())), "every child started was heard to exit")
	assert.Equal(t, started-total, len(l.of(event.EventChildRestarted, cs.ID())), "every run beyond the first is a restart")
	checkChildTrace(t, l.events, cs.ID(), maxDemand)
}

// checkChildTrace replays a consumer supervisor's trace: per producer, the
// events asked for and not yet sent, those sent and not yet given a child,
// and the children running never add up to more than max demand.
func checkChildTrace(t *testing.T, events []event.Event, id, maxDemand int) {
	t.Helper()
	owed, held, running, again := map[int]int{}, map[int]int{}, map[int]int{}, map[int]int{}
	for i, e := range events {
		if e.ID != id {
			continue
		}
		at := "event " + strconv.Itoa(i) + " " + e.String()
		switch e.Kind {
		case event.DemandAsked:
			owed[e.Slot] += e.N
		case event.EventsDispatched:
			owed[e.Slot] -= e.N
			held[e.Slot] += e.N
		case event.EventChildRestarted:
			again[e.Slot]++
		case event.EventChildStarted:
			if again[e.Slot] > 0 {
				again[e.Slot]--
			} else {
				held[e.Slot]--
			}
			running[e.Slot]++
		case event.EventChildExited:
			running[e.Slot]--
		}
		require.GreaterOrEqual(t, owed[e.Slot], 0, "sent beyond demand: %s", at)
		require.GreaterOrEqual(t, held[e.Slot], 0, at)
		require.LessOrEqual(t, owed[e.Slot]+held[e.Slot]+running[e.Slot], maxDemand, at)
	}
	for slot, n := range running {
		assert.Zero(t, n, "children of producer %d still running at the end", slot)
	}
}
