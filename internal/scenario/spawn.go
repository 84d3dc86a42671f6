//go:build !pg_only || pg_spawn

package scenario

import (
	"context"
	"sync"

	"github.com/concurrency-patterns/playground/internal/lanes"
	"github.com/concurrency-patterns/playground/patterns/clock"
	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/limiter"
)

// Spawn handles one request stream two ways: a goroutine per request
// (mode=unbounded, the seed's spawn(fn -> process(req) end)), or at most
// max handler goroutines, with the requests beyond that waiting in a queue
// as plain data (mode=bounded, the limiter guarding the spawn). Raising the
// rate shows the first grow without limit and the second hold still.
var Spawn = register(&Scenario{
	Name:  "spawn",
	Title: "Don't spawn unbounded",
	Params: []Param{
		{Name: "mode", Kind: Choice, Default: "unbounded", Choices: []string{"unbounded", "bounded"},
			Help: "unbounded starts a goroutine per request; bounded lets at most max run and queues the rest."},
		{Name: "rate", Kind: Float, Default: "200", Min: 1, Max: 2000,
			Help: "Requests arriving per second, evenly spaced."},
		{Name: "duration_ms", Kind: Millis, Default: "2000", Min: 1, Max: 10_000,
			Help: "How long requests keep arriving."},
		{Name: "work_ms_min", Kind: Millis, Default: "50", Min: 0, Max: 600_000,
			Help: "Shortest time a handler takes."},
		{Name: "work_ms_max", Kind: Millis, Default: "500", Min: 0, Max: 600_000,
			Help: "Longest time a handler takes."},
		{Name: "max", Kind: Int, Default: "20", Min: 1, Max: 1000,
			Help: "bounded only: how many handler goroutines may run at once."},
		{Name: "seed", Kind: Int, Default: "1", Min: 0, Max: 1 << 31,
			Help: "Seeds the workload: the same seed gives the same handling times."},
	},
	Summary:   []string{"requests", "max_goroutines", "max_memory_kb", "max_waiting", "virtual_ms"},
	run:       runSpawn,
	summarize: summarizeSpawn,
})

// The memory estimate of the spawn scenario, in KiB: goroutineKB per live
// handler goroutine plus requestKB per request waiting in the queue. A
// goroutine starts with a 2 KiB stack that doubles as calls nest; a handler
// that calls into a client library or a driver typically runs on 8 KiB. A
// waiting request costs only its data, taken as 1 KiB. The dispatcher and
// arrival goroutines of bounded mode (two, whatever the load) are left out.
const (
	goroutineKB = 8
	requestKB   = 1
)

// spawner is the workload's state: handler goroutines, their lanes and the
// queue of waiting requests. Its mutex also orders its events.
type spawner struct {
	v     Values
	clk   clock.Clock
	hook  event.Hook
	ctx   context.Context
	wg    sync.WaitGroup // every handler goroutine
	mu    sync.Mutex
	live  int
	lanes lanes.Lanes // the lowest free lane is taken
	queue []int       // requests waiting for a handler (bounded)
	ready chan struct{}
	ended bool // no more arrivals
}

func runSpawn(ctx context.Context, v Values, clk clock.Clock, hook event.Hook) error {
	s := &spawner{v: v, clk: clk, hook: hook, ctx: ctx, ready: make(chan struct{}, 1)}
	d, _ := v.Duration("duration_ms")
	n := max(1, int(d.Seconds()*v.Float("rate")))
	if v.String("mode") == "unbounded" {
		err := atRate(ctx, clk, n, v.Float("rate"), func(i int) {
			s.mu.Lock()
			s.emit(event.RequestArrived, i, -1, 0)
			s.spawn(i, nil)
			s.mu.Unlock()
		})
		s.wg.Wait()
		return err
	}
	lim, err := limiter.New(v.Int("max"), limiter.WithClock(clk), limiter.WithHook(hook))
	if err != nil {
		return err
	}
	dispatched := make(chan error, 1)
	go func() { dispatched <- s.dispatch(lim) }()
	err = atRate(ctx, clk, n, v.Float("rate"), s.enqueue)
	s.mu.Lock()
	s.ended = true
	s.mu.Unlock()
	s.signal()
	if derr := <-dispatched; err == nil {
		err = derr
	}
	s.wg.Wait()
	return err
}

// spawn starts request i's handler goroutine in the lowest free lane; done,
// if set, runs when it returns. s.mu must be held.
func (s *spawner) spawn(i int, done func()) {
	lane := s.lanes.Take()
	s.live++
	s.emit(event.HandlerStarted, i, lane, s.live)
	w := drawWork(s.v, i)
	s.wg.Go(func() {
		_ = clock.Sleep(s.ctx, s.clk, w.duration)
		s.mu.Lock()
		s.lanes.Free(lane)
		s.live--
		s.emit(event.HandlerDone, i, lane, s.live)
		s.mu.Unlock()
		if done != nil {
			done()
		}
	})
}

// emit reports a step of the workload. s.mu must be held.
func (s *spawner) emit(k event.Kind, id, slot, n int) {
	if s.hook != nil {
		s.hook(event.Event{Time: s.clk.Now(), Kind: k, ID: id, Slot: slot, N: n})
	}
}

// summarizeSpawn measures goroutines, waiting requests and the memory
// estimate at the end of each instant of virtual time, so that a request
// queued and dispatched at the same instant does not count as waiting.
func summarizeSpawn(v Values, trace []event.Record) map[string]float64 {
	s := map[string]float64{"requests": 0, "max_goroutines": 0, "max_memory_kb": 0, "max_waiting": 0}
	live, waiting := 0, 0
	mostLive, mostWaiting, mostKB := 0, 0, 0
	bounded := v.String("mode") == "bounded"
	for i, r := range trace {
		switch r.Kind {
		case event.RequestArrived:
			s["requests"]++
			if r.N > 0 { // queued: bounded mode
				waiting++
			}
		case event.HandlerStarted:
			live++
			if bounded {
				waiting--
			}
		case event.HandlerDone:
			live--
		}
		if i+1 < len(trace) && trace[i+1].At == r.At {
			continue // the instant is not over
		}
		mostLive, mostWaiting = max(mostLive, live), max(mostWaiting, waiting)
		mostKB = max(mostKB, goroutineKB*live+requestKB*waiting)
	}
	s["max_goroutines"], s["max_waiting"], s["max_memory_kb"] = float64(mostLive), float64(mostWaiting), float64(mostKB)
	return s
}
