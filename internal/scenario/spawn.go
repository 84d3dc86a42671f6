package scenario

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/concurrency-patterns/playground/internal/lanes"
	"github.com/concurrency-patterns/playground/patterns/clock"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Spawn handles one request stream two ways: a goroutine per request
// (mode=unbounded, as a bare `go handle(req)` in an accept loop), or at most
// max handler goroutines, the requests beyond them waiting in a queue of
// bounded length as plain data and the ones beyond that shed (mode=bounded,
// the limiter guarding the spawn). Every handler runs one query on a shared
// database that slows down as more queries share it (see database), and
// every handler holds memory against the process's budget: past it, the
// process dies.
var Spawn = register(&Scenario{
	Name:  "spawn",
	Title: "Don't spawn unbounded",
	Params: []Param{
		{Name: "mode", Kind: Choice, Default: "unbounded", Choices: []string{"unbounded", "bounded"},
			Help: "unbounded starts a goroutine per request; bounded lets at most max run, queues up to queue more and turns the rest away."},
		{Name: "rate", Kind: Float, Default: "200", Min: 1, Max: 2000,
			Help: "Requests arriving per second, evenly spaced."},
		{Name: "duration_ms", Kind: Millis, Default: "2000", Min: 1, Max: 10_000,
			Help: "How long requests keep arriving."},
		{Name: "work_ms_min", Kind: Millis, Default: "20", Min: 0, Max: 60_000,
			Help: "Shortest time a request's query takes on a database with room to spare."},
		{Name: "work_ms_max", Kind: Millis, Default: "200", Min: 0, Max: 60_000,
			Help: "Longest time a request's query takes on a database with room to spare."},
		{Name: "db_capacity", Kind: Int, Default: "8", Min: 1, Max: 1000,
			Help: "How many queries the database runs at full speed; with n > db_capacity in flight, each goes at db_capacity/n of its speed."},
		{Name: "max", Kind: Int, Default: "8", Min: 1, Max: 1000,
			Help: "bounded only: how many handler goroutines may run at once."},
		{Name: "queue", Kind: Int, Default: "40", Min: 1, Max: 100_000, Infinite: true,
			Help: "bounded only: how many requests may wait for a handler; one more is shed (answered \"busy\" at once)."},
		{Name: "memory_mb", Kind: Int, Default: "16", Min: 1, Max: 1024,
			Help: "The process's memory budget for requests, in MiB; needing more kills it."},
		{Name: "seed", Kind: Int, Default: "1", Min: 0, Max: 1 << 31,
			Help: "Seeds the workload: the same seed gives the same queries."},
	},
	Summary: []string{"requests", "served", "shed", "failed", "crashed", "p99_ms",
		"max_goroutines", "max_memory_kb", "max_waiting", "virtual_ms"},
	run:       runSpawn,
	summarize: summarizeSpawn,
})

// The memory model of the spawn scenario, in KiB. A handler holds its
// goroutine's stack (8 KiB once it calls into a driver) and its request's
// buffers: the decoded body, the rows it reads, the response it builds. A
// request waiting in the queue holds only its data. The goroutines that
// accept and dispatch (two, whatever the load) are left out.
const (
	SpawnHandlerKB = 64 // 8 KiB of stack and 56 KiB of buffers
	SpawnRequestKB = 2
)

// SpawnMemoryKB is the memory that live handlers and waiting requests hold.
func SpawnMemoryKB(live, waiting int) int { return SpawnHandlerKB*live + SpawnRequestKB*waiting }

// errOutOfMemory is why the process died.
var errOutOfMemory = errors.New("out of memory")

// spawner is the workload's state: handler goroutines, their lanes and the
// queue of waiting requests. Its mutex also orders its events.
type spawner struct {
	v       Values
	clk     clock.Clock
	hook    event.Hook
	ctx     context.Context // ends when the process dies
	die     context.CancelCauseFunc
	db      *database
	budget  int            // KiB
	wg      sync.WaitGroup // every handler goroutine
	mu      sync.Mutex
	live    int
	lanes   lanes.Lanes // the lowest free lane is taken
	queue   []int       // requests waiting for a handler (bounded)
	ready   chan struct{}
	ended   bool        // no more arrivals
	crashed atomic.Bool // read by the limiter's hook without s.mu
}

func runSpawn(ctx context.Context, v Values, clk clock.Clock, hook event.Hook) error {
	proc, die := context.WithCancelCause(ctx)
	defer die(nil)
	s := &spawner{v: v, clk: clk, hook: hook, ctx: proc, die: die, ready: make(chan struct{}, 1),
		db: newDatabase(clk, v.Int("db_capacity")), budget: v.Int("memory_mb") * 1024}
	d, _ := v.Duration("duration_ms")
	n := max(1, int(d.Seconds()*v.Float("rate")))
	var err error
	if v.String("mode") == "unbounded" {
		err = atRate(proc, clk, n, v.Float("rate"), s.accept)
	} else {
		err = s.runBounded(n)
	}
	s.wg.Wait()
	if s.crashed.Load() {
		return ctx.Err() // the process died: that is the run's outcome, not a failure
	}
	return err
}

// accept is a request arriving in unbounded mode: it gets a goroutine.
func (s *spawner) accept(i int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.emit(RequestArrived, i, -1, 0)
	s.spawn(i, nil)
}

// spawn starts request i's handler goroutine in the lowest free lane; done,
// if set, runs when it returns. The handler's memory may be more than the
// budget allows, and the process dies. s.mu must be held.
func (s *spawner) spawn(i int, done func()) {
	lane := s.lanes.Take()
	s.live++
	s.emit(HandlerStarted, i, lane, s.live)
	if s.outOfMemory() {
		return
	}
	w := drawWork(s.v, i)
	s.wg.Go(func() {
		err := s.db.Query(s.ctx, w.duration)
		s.mu.Lock()
		if err == nil && !s.crashed.Load() {
			s.lanes.Free(lane)
			s.live--
			s.emit(HandlerDone, i, lane, s.live)
		}
		s.mu.Unlock()
		if done != nil {
			done()
		}
	})
}

// outOfMemory checks the budget after live or the queue grew. Past it the
// process dies, with every request it held: arrivals stop, handlers and
// queries end where they are, and nothing more is reported. s.mu must be
// held.
func (s *spawner) outOfMemory() bool {
	need := SpawnMemoryKB(s.live, len(s.queue))
	if s.crashed.Load() || need <= s.budget {
		return s.crashed.Load()
	}
	s.emitErr(OutOfMemory, -1, need, fmt.Errorf("%w: the process needed %d KiB of its %d KiB budget and died, losing %d requests",
		errOutOfMemory, need, s.budget, s.live+len(s.queue)))
	s.crashed.Store(true)
	s.die(errOutOfMemory)
	return true
}

// emit reports a step of the workload, unless the process is dead. s.mu
// must be held.
func (s *spawner) emit(k event.Kind, id, slot, n int) {
	if s.hook != nil && !s.crashed.Load() {
		s.hook(event.Event{Time: s.clk.Now(), Kind: k, ID: id, Slot: slot, N: n})
	}
}

func (s *spawner) emitErr(k event.Kind, id, n int, err error) {
	if s.hook != nil {
		s.hook(event.Event{Time: s.clk.Now(), Kind: k, ID: id, Slot: -1, N: n, Err: err})
	}
}
