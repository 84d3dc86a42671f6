package scenario

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync/atomic"
	"time"

	"github.com/concurrency-patterns/playground/patterns/clock"
	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/supervisor"
)

// Supervisor starts children under a dynamic supervisor (Elixir's
// DynamicSupervisor) and lets them run for duration_ms. Each run of a child
// works for a drawn time, then exits normally or, with probability
// fail_rate, crashes (a panic or a returned error); its restart policy
// decides what follows, and too many restarts make the supervisor give up.
// At the end the supervisor is stopped; a child that ignores cancellation
// (stubborn_rate) past its shutdown time is abandoned.
//
// The intensity bounds the restarts, so the trace stays bounded: at most
// about max_restarts per max_seconds over duration_ms, plus the children.
var Supervisor = register(&Scenario{
	Name:  "supervisor",
	Title: "Dynamic supervisor",
	Params: []Param{
		{Name: "children", Kind: Int, Default: "4", Min: 1, Max: 1000,
			Help: "How many children to start, all at the beginning."},
		{Name: "max_children", Kind: Int, Default: "0", Min: 0, Max: 1000,
			Help: "The most children held at once; a start beyond it is refused. 0 means no limit (OTP's :infinity, the default)."},
		{Name: "restart", Kind: Choice, Default: "permanent", Choices: []string{"permanent", "transient", "temporary"},
			Help: "permanent children are always restarted; transient ones only after a crash; temporary ones never."},
		{Name: "max_restarts", Kind: Int, Default: "3", Min: 0, Max: 100,
			Help: "How many restarts are allowed within max_seconds; one more and the supervisor gives up, stopping every child."},
		{Name: "max_seconds", Kind: Int, Default: "5", Min: 1, Max: 3600,
			Help: "The intensity period, in whole seconds as in OTP (not milliseconds)."},
		{Name: "shutdown", Kind: Millis, Default: "5000", Min: 0, Max: 600_000,
			Help: "How long a cancelled child may take to return before it is abandoned; 0 is OTP's :brutal_kill."},
		{Name: "work_ms_min", Kind: Millis, Default: "5000", Min: 0, Max: 600_000,
			Help: "Shortest run of a child before it exits or crashes."},
		{Name: "work_ms_max", Kind: Millis, Default: "20000", Min: 0, Max: 600_000,
			Help: "Longest run of a child before it exits or crashes."},
		{Name: "fail_rate", Kind: Float, Default: "0.3", Min: 0, Max: 1,
			Help: "Chance that a run of a child ends in a crash rather than a normal exit."},
		{Name: "stubborn_rate", Kind: Float, Default: "0", Min: 0, Max: 1,
			Help: "Chance that a run of a child ignores cancellation and works to its end; past its shutdown time it is abandoned."},
		{Name: "start_fail_rate", Kind: Float, Default: "0", Min: 0, Max: 1,
			Help: "Chance that a child's start step fails ({:error, reason} from start_child). At the first start the child is " +
				"never held; at a restart it is restarting, and the restart is tried again."},
		{Name: "shutdown_rate", Kind: Float, Default: "0", Min: 0, Max: 1,
			Help: "Chance that a run ends with the child stopping itself with a shutdown reason ({:shutdown, :done}): " +
				"a transient child is then let go, a permanent one restarted."},
		{Name: "duration_ms", Kind: Millis, Default: "20000", Min: 0, Max: 600_000,
			Help: "How long the children run before the supervisor is stopped."},
		{Name: "seed", Kind: Int, Default: "1", Min: 0, Max: 1 << 31,
			Help: "Seeds the workload: the same seed gives every child the same runs."},
	},
	Summary: []string{"children", "restarts", "crashes", "start_failures", "self_shutdowns", "gave_up", "abandoned",
		"max_children_refused", "virtual_ms"},
	run:       runSupervisor,
	summarize: summarizeSupervisor,
})

var restartPolicies = map[string]supervisor.Restart{
	"permanent": supervisor.Permanent,
	"transient": supervisor.Transient,
	"temporary": supervisor.Temporary,
}

func runSupervisor(ctx context.Context, v Values, clk clock.Clock, hook event.Hook) error {
	opts := []supervisor.Option{
		supervisor.MaxRestarts(v.Int("max_restarts"), time.Duration(v.Int("max_seconds"))*time.Second),
		supervisor.WithClock(clk),
		supervisor.WithHook(hook),
	}
	if n := v.Int("max_children"); n > 0 {
		opts = append(opts, supervisor.MaxChildren(n))
	}
	sup, err := supervisor.Start(ctx, opts...)
	if err != nil {
		return err
	}
	// Stubborn children ignore the supervisor, not the run: once the run is
	// over, the abandoned ones end too.
	life, end := context.WithCancel(context.Background())
	defer end()
	shutdown, _ := v.Duration("shutdown")
	spec := []supervisor.ChildOption{supervisor.WithRestart(restartPolicies[v.String("restart")]), supervisor.Shutdown(shutdown)}
	for i := range v.Int("children") {
		var err error
		if v.Float("start_fail_rate") > 0 {
			_, err = sup.StartChildInit(ctx, simulatedStart(v, i, simulatedChild(v, clk, life, i)), spec...)
		} else {
			_, err = sup.StartChild(ctx, simulatedChild(v, clk, life, i), spec...)
		}
		if err != nil && !errors.Is(err, supervisor.ErrMaxChildren) && !errors.As(err, new(*supervisor.StartError)) {
			break // stopped: the supervisor gave up already, or the run was cancelled
		}
	}
	duration, _ := v.Duration("duration_ms")
	timer := clk.NewTimer(duration)
	defer timer.Stop()
	select {
	case <-timer.C():
	case <-sup.Done():
	case <-ctx.Done():
	}
	_ = sup.Stop(context.Background()) // abandoned children are an outcome, in the trace
	return ctx.Err()
}

// simulatedChild is child number i. Its k-th run does what childRun draws
// for (i, k). The run counter needs no lock: the supervisor starts a run
// only after the previous one's exit reached it.
func simulatedChild(v Values, clk clock.Clock, life context.Context, i int) func(context.Context) error {
	incarnation := 0
	return func(ctx context.Context) error {
		run := drawChildRun(v, i, incarnation)
		incarnation++
		if run.stubborn {
			ctx = life
		}
		if err := clock.Sleep(ctx, clk, run.duration); err != nil {
			return err
		}
		if rate := v.Float("shutdown_rate"); rate > 0 && childRand(v.Int("seed"), ^i, incarnation).Float64() < rate {
			return &supervisor.ShutdownError{Reason: "done"}
		}
		switch run.crash {
		case crashPanic:
			panic(fmt.Sprintf("simulated crash of child %d", i))
		case crashError:
			return fmt.Errorf("simulated failure of child %d", i)
		}
		return nil
	}
}

// simulatedStart is child number i's start step: its k-th call fails with
// probability start_fail_rate, drawn for (i, k) apart from the runs.
func simulatedStart(v Values, i int, run func(context.Context) error) supervisor.Init {
	var calls atomic.Int32
	return func(context.Context) (func(context.Context) error, error) {
		k := int(calls.Add(1)) - 1
		if childRand(v.Int("seed"), ^i, k+startDraws).Float64() < v.Float("start_fail_rate") {
			return nil, fmt.Errorf("simulated start failure of child %d", i)
		}
		return run, nil
	}
}

// startDraws keeps the start steps' draws apart from the shutdown draws.
const startDraws = 1 << 20

type crash uint8

const (
	noCrash crash = iota
	crashPanic
	crashError
)

// childRun is what one run (incarnation) of a simulated child does.
type childRun struct {
	duration time.Duration
	crash    crash
	stubborn bool // ignores cancellation
}

// childRand returns a generator that depends only on the seed, the child
// and its incarnation, so a run's fate is the same whatever order the
// goroutines were scheduled in. (workload.go's itemRand is keyed by one
// index; a child needs two.)
func childRand(seed, child, incarnation int) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(seed)*0x9e3779b97f4a7c15^uint64(child), uint64(incarnation)*0xbf58476d1ce4e5b9+1))
}

func drawChildRun(v Values, child, incarnation int) childRun {
	r := childRand(v.Int("seed"), child, incarnation)
	lo, hi := v.Int("work_ms_min"), v.Int("work_ms_max")
	run := childRun{duration: time.Duration(lo+r.IntN(hi-lo+1)) * time.Millisecond}
	if r.Float64() < v.Float("fail_rate") {
		run.crash = crashPanic + crash(r.IntN(2))
	}
	run.stubborn = r.Float64() < v.Float("stubborn_rate")
	return run
}

func summarizeSupervisor(v Values, trace []event.Record) map[string]float64 {
	s := map[string]float64{}
	for _, r := range trace {
		switch r.Kind {
		case event.ChildStarted:
			if r.N == 0 {
				s["children"]++
			}
		case event.ChildRestarted:
			s["restarts"]++
		case event.ChildCrashed:
			s["crashes"]++
		case event.SupervisorGaveUp:
			s["gave_up"] = 1
		case event.ChildAbandoned:
			s["abandoned"]++
		case event.ChildRefused:
			s["max_children_refused"]++
		case event.ChildStartFailed:
			s["start_failures"]++
		case event.ChildShutdown:
			if r.Detail != supervisor.ErrShutdown.Error() { // it stopped itself, with its reason
				s["self_shutdowns"]++
			}
		}
	}
	return s
}
