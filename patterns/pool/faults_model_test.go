package pool_test

import (
	"context"
	"math/rand/v2"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/internal/faulttest"
)

// line is the worker of the fault workload; held catches a worker lent to
// two callers at once, gone one destroyed twice.
type line struct {
	n          uint64
	held, gone atomic.Bool
}

// lines makes and destroys lines. While faulty, a constructor is slow
// (honouring its context) and fails or panics now and then, and a
// destructor is slow and panics now and then.
type lines struct {
	seed                                       uint64
	faulty                                     atomic.Bool
	made, destroyed, failed, live, peak, twice atomic.Int64
}

func (f *lines) create(ctx context.Context) (*line, error) {
	n := uint64(f.made.Add(1))
	if f.faulty.Load() {
		r := rand.New(rand.NewPCG(f.seed, n))
		select {
		case <-time.After(time.Duration(r.IntN(20)) * time.Millisecond):
		case <-ctx.Done():
			f.failed.Add(1)
			return nil, ctx.Err()
		}
		switch r.IntN(20) {
		case 0:
			f.failed.Add(1)
			return nil, errDial
		case 1:
			f.failed.Add(1)
			panic("constructor trouble")
		}
	}
	live := f.live.Add(1)
	for peak := f.peak.Load(); live > peak && !f.peak.CompareAndSwap(peak, live); peak = f.peak.Load() {
	}
	return &line{n: n}, nil
}

func (f *lines) destroy(l *line) {
	if l.gone.Swap(true) {
		f.twice.Add(1)
		return
	}
	f.destroyed.Add(1)
	defer f.live.Add(-1) // once it is gone, panic or not
	if f.faulty.Load() {
		r := rand.New(rand.NewPCG(f.seed, l.n|1<<63))
		time.Sleep(time.Duration(r.IntN(10)) * time.Millisecond)
		if r.IntN(10) == 0 {
			panic("destructor trouble")
		}
	}
}

func (f *lines) counts() (made, destroyed, failed, peak int64) {
	return f.made.Load(), f.destroyed.Load(), f.failed.Load(), f.peak.Load()
}

// laneModel replays a pool's events as they come (the hook is never called
// twice at once): a lane holds one worker at a time, a worker is lent to
// one caller at a time, no more lanes live than size + max overflow, and
// every waiter ends once, served, handed a lane or failed.
type laneModel struct {
	bound, alive, events int
	lanes                map[int]uint8 // 1: a worker lives (or is being made), 2: it is lent
	waiting              map[int]bool
	bad                  faulttest.Findings
}

func newLaneModel(bound int) *laneModel {
	return &laneModel{bound: bound, lanes: map[int]uint8{}, waiting: map[int]bool{}}
}

func (m *laneModel) observe(e event.Event) {
	m.events++
	switch e.Kind {
	case event.WorkerStarted, event.WorkerReplaced, event.OverflowStarted:
		m.bad.Expect(m.lanes[e.Slot] == 0, e, "a lane taken twice")
		m.lanes[e.Slot] = 1
		m.alive++
		delete(m.waiting, e.ID)
	case event.StartFailed, event.OverflowDismissed, event.WorkerStopped:
		m.bad.Expect(m.lanes[e.Slot] == 1, e, "a lane freed that held no idle worker")
		m.free(e.Slot)
	case event.WorkerDied:
		m.bad.Expect(m.lanes[e.Slot] == 2, e, "a worker died that was not lent")
		m.free(e.Slot)
	case event.CheckedOut:
		m.bad.Expect(m.lanes[e.Slot] == 1, e, "a worker lent twice, or none")
		m.lanes[e.Slot] = 2
		delete(m.waiting, e.ID)
	case event.CheckedIn:
		m.bad.Expect(m.lanes[e.Slot] == 2, e, "a worker checked in that was not lent")
		m.lanes[e.Slot] = 1
	case event.CheckoutWaiting:
		m.bad.Expect(!m.waiting[e.ID], e, "waiting twice")
		m.waiting[e.ID] = true
	case event.CheckoutFailed:
		delete(m.waiting, e.ID)
	}
	m.bad.Expect(m.alive <= m.bound, e, "more lanes live than size + max overflow")
}

func (m *laneModel) free(lane int) {
	if m.lanes[lane] != 0 {
		m.alive--
	}
	delete(m.lanes, lane)
}

func (m *laneModel) check(t *testing.T) {
	t.Helper()
	assert.Empty(t, m.bad)
	assert.Zero(t, m.alive, "lanes live after Close")
	assert.Empty(t, m.waiting, "waiters that never ended")
}
