package scenario

import (
	"context"
	"strconv"
	"sync"
	"time"

	"github.com/concurrency-patterns/playground/patterns/clock"
	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/task"
)

// Timeout starts simulated tasks and waits for each with a time limit, then
// shuts it down: Elixir's `Task.yield(task, timeout) || Task.shutdown(task)`.
// Some tasks ignore their cancellation, to show what Go does where OTP
// would kill: wait the shutdown time, then abandon.
var Timeout = register(&Scenario{
	Name:  "timeout",
	Title: "Timeouts",
	Params: []Param{
		{Name: "items", Kind: Int, Default: "10", Min: 1, Max: 2000,
			Help: "How many tasks are started, each awaited by its own caller."},
		{Name: "interval_ms", Kind: Millis, Default: "100", Min: 0, Max: 60_000,
			Help: "Time between two starts."},
		{Name: "timeout", Kind: Millis, Default: "600", Min: 1, Max: 3_600_000, Infinite: true,
			Help: "How long a caller yields before it shuts its task down."},
		{Name: "shutdown", Kind: Millis, Default: "300", Min: 0, Max: 600_000,
			Help: "How long a cancelled task may take to return before it is abandoned; 0 is brutal kill."},
		{Name: "work_ms_min", Kind: Millis, Default: "100", Min: 0, Max: 600_000,
			Help: "Shortest simulated task."},
		{Name: "work_ms_max", Kind: Millis, Default: "1200", Min: 0, Max: 600_000,
			Help: "Longest simulated task."},
		{Name: "stubborn_rate", Kind: Float, Default: "0.2", Min: 0, Max: 1,
			Help: "Chance that a task ignores its cancellation (Go cannot kill it)."},
		{Name: "fail_rate", Kind: Float, Default: "0", Min: 0, Max: 1,
			Help: "Chance that a task panics at its end."},
		{Name: "caller", Kind: Choice, Default: "each", Choices: []string{"each", "yield_many"},
			Help: "each: every task has a caller of its own that yields, then shuts it down; yield_many: one caller starts " +
				"them all at once and yields on them together (Task.yield_many), then applies on_timeout to the rest."},
		{Name: "on_timeout", Kind: Choice, Default: "shutdown", Choices: []string{"shutdown", "kill", "ignore"},
			Help: "With yield_many, what becomes of the tasks without a reply at the timeout: shut down with their shutdown time, " +
				"killed at once (:kill_task), or ignored and left running (:ignore)."},
		// The default workload is one whose ten tasks end all four ways: in
		// time, timed out, late during the grace, and abandoned.
		{Name: "seed", Kind: Int, Default: "2", Min: 0, Max: 1 << 31,
			Help: "Seeds the workload: the same seed gives the same durations and fates."},
	},
	Summary:   []string{"items", "ok", "timed_out", "abandoned", "late", "crashed", "ignored", "virtual_ms"},
	run:       runTimeout,
	summarize: summarizeTimeout,
})

func runTimeout(ctx context.Context, v Values, clk clock.Clock, hook event.Hook) error {
	shutdown := time.Duration(v.Int("shutdown")) * time.Millisecond
	sup, err := task.NewSupervisor(task.WithClock(clk), task.WithHook(hook), task.Shutdown(shutdown))
	if err != nil {
		return err
	}
	limit, finite := v.Duration("timeout")
	if !finite {
		limit = time.Duration(1<<63 - 1)
	}
	every := time.Duration(v.Int("interval_ms")) * time.Millisecond
	// With yield_many one caller fans out: it starts every task at once,
	// then yields on them together.
	many := v.String("caller") == "yield_many"
	var tasks []*task.Task[int]
	// bodies counts task bodies still running, abandoned ones included: the
	// run ends only when they have all returned, so nothing is left behind.
	var callers, bodies sync.WaitGroup
	for i := range v.Int("items") {
		if i > 0 && !many {
			if err := clock.Sleep(ctx, clk, every); err != nil {
				break
			}
		}
		w := drawWork(v, i)
		stubborn := itemRand(v.Int("seed"), -1-i).Float64() < v.Float("stubborn_rate")
		bodies.Add(1)
		t, err := task.Async(sup, func(ctx context.Context) (int, error) {
			defer bodies.Done()
			if stubborn {
				<-clk.NewTimer(w.duration).C() // deaf to ctx
			} else if err := clock.Sleep(ctx, clk, w.duration); err != nil {
				return 0, err
			}
			if w.crash {
				panic("simulated crash of task " + strconv.Itoa(i))
			}
			return i, nil
		})
		if err != nil {
			bodies.Done()
			return err
		}
		if many {
			tasks = append(tasks, t)
			continue
		}
		callers.Go(func() { _, _ = t.YieldOrShutdown(ctx, limit) })
	}
	if many {
		_, _ = task.YieldMany(ctx, tasks, task.Within(limit), task.OnTimeout(manyActions[v.String("on_timeout")]))
	}
	callers.Wait()
	bodies.Wait()
	return nil
}

var manyActions = map[string]task.TimeoutAction{
	"shutdown": task.ShutdownTask, "kill": task.KillTask, "ignore": task.IgnoreTask,
}

func summarizeTimeout(v Values, trace []event.Record) map[string]float64 {
	s := map[string]float64{"items": float64(v.Int("items"))}
	// Once a task is cancelled, its reply counts as late (event.Late), and
	// an abandoned task may still return much later: neither is "ok", nor
	// is the reply of a task its caller ignored.
	cancelled := map[int32]bool{}
	for _, r := range trace {
		switch r.Kind {
		case event.Cancelled:
			cancelled[r.ID] = true
		case event.Finished:
			if !cancelled[r.ID] {
				s["ok"]++
			}
		case event.Panicked:
			if !cancelled[r.ID] {
				s["crashed"]++
			}
		case event.TimedOut:
			s["timed_out"]++
		case event.Abandoned:
			s["abandoned"]++
		case event.Late:
			s["late"]++
		case event.Ignored: // no reply in time; its reply, if it comes, goes to no one
			cancelled[r.ID] = true
			s["timed_out"]++
			s["ignored"]++
		}
	}
	return s
}
