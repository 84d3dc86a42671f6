package scenario

import (
	"context"
	"errors"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/concurrency-patterns/playground/patterns/clock"
	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/task"
)

// Tasks starts simulated tasks one after another, either under a task
// supervisor (Elixir's Task.Supervisor.async_nolink) or as bare goroutines
// (Task.start, or a plain `go`), so the page can show what one panic does
// in each case.
var Tasks = register(&Scenario{
	Name:  "tasks",
	Title: "Supervised tasks",
	Params: []Param{
		{Name: "mode", Kind: Choice, Default: "supervised", Choices: []string{"supervised", "bare"},
			Help: "supervised runs each task under a task supervisor; bare starts a plain goroutine, whose panic ends the whole program."},
		{Name: "items", Kind: Int, Default: "12", Min: 1, Max: 2000,
			Help: "How many tasks are started."},
		{Name: "interval_ms", Kind: Millis, Default: "60", Min: 0, Max: 60_000,
			Help: "Time between two starts."},
		{Name: "max_children", Kind: Int, Default: Infinity, Min: 0, Max: 10_000, Infinite: true,
			Help: "supervised only: how many tasks the supervisor runs at once; a start beyond it is refused, never queued. 0 refuses every start, as in Elixir."},
		{Name: "restart", Kind: Choice, Default: "temporary", Choices: []string{"temporary", "transient", "permanent"},
			Help: "Under the supervisor: temporary tasks run once (the default); transient ones are started again after a crash, " +
				"permanent ones after any end, as long as the restart intensity (3 within 5 s) allows."},
		{Name: "work_ms_min", Kind: Millis, Default: "200", Min: 0, Max: 600_000,
			Help: "Shortest simulated task."},
		{Name: "work_ms_max", Kind: Millis, Default: "900", Min: 0, Max: 600_000,
			Help: "Longest simulated task."},
		{Name: "fail_rate", Kind: Float, Default: "0.15", Min: 0, Max: 1,
			Help: "Chance that a task panics at its end."},
		{Name: "seed", Kind: Int, Default: "1", Min: 0, Max: 1 << 31,
			Help: "Seeds the workload: the same seed gives the same durations and crashes."},
	},
	Summary:   []string{"items", "ok", "crashed", "refused", "lost", "died", "restarts", "max_running", "virtual_ms"},
	run:       runTasks,
	summarize: summarizeTasks,
})

// errDied is the reason given when a bare goroutine's panic ends the program.
var errDied = errors.New("an unrecovered panic in a goroutine ends the whole program, taking every other task with it")

func runTasks(ctx context.Context, v Values, clk clock.Clock, hook event.Hook) error {
	body := func(item int) func(context.Context) error {
		w := drawWork(v, item)
		return func(ctx context.Context) error {
			if err := clock.Sleep(ctx, clk, w.duration); err != nil {
				return err
			}
			if w.crash {
				panic("simulated crash of task " + strconv.Itoa(item))
			}
			return nil
		}
	}
	every := time.Duration(v.Int("interval_ms")) * time.Millisecond
	if v.String("mode") == "bare" {
		return runBare(ctx, v.Int("items"), every, clk, hook, body)
	}
	// Await waits as long as a task runs: the page shows tasks to their end.
	opts := []task.Option{task.WithClock(clk), task.WithHook(hook), task.NoAwaitTimeout()}
	if n := v.Int("max_children"); n < 1<<31 {
		opts = append(opts, task.MaxChildren(n))
	}
	sup, err := task.NewSupervisor(opts...)
	if err != nil {
		return err
	}
	defer sup.Stop()
	if p := taskRestarts[v.String("restart")]; p != task.Temporary {
		return runRestarted(ctx, v, clk, sup, p, body)
	}
	var started []*task.Task[struct{}]
	for i := range v.Int("items") {
		if i > 0 {
			if err := clock.Sleep(ctx, clk, every); err != nil {
				return err
			}
		}
		fn := body(i)
		t, err := task.Async(sup, func(ctx context.Context) (struct{}, error) { return struct{}{}, fn(ctx) })
		if err == nil {
			started = append(started, t)
		}
	}
	for _, t := range started {
		if _, err := t.Await(ctx); errors.Is(err, context.Canceled) {
			return err
		}
	}
	return nil
}

var taskRestarts = map[string]task.Restart{
	"temporary": task.Temporary, "transient": task.Transient, "permanent": task.Permanent,
}

// runRestarted starts the tasks with a restart policy (Task.Supervisor's
// start_child with :restart) and waits until none is left. Run k of item i
// draws its own work, so a restarted task need not crash again.
func runRestarted(ctx context.Context, v Values, clk clock.Clock, sup *task.Supervisor, p task.Restart,
	body func(int) func(context.Context) error) error {
	every := time.Duration(v.Int("interval_ms")) * time.Millisecond
	for i := range v.Int("items") {
		if i > 0 {
			if err := clock.Sleep(ctx, clk, every); err != nil {
				return err
			}
		}
		var runs atomic.Int32
		_, _ = task.StartChild(sup, func(ctx context.Context) error {
			k := int(runs.Add(1)) - 1
			return body(i + k*restartStride)(ctx)
		}, task.WithRestart(p))
	}
	for sup.Count() > 0 { // the tasks end, or the supervisor gives up and cancels them
		if err := clock.Sleep(ctx, clk, 10*time.Millisecond); err != nil {
			return err
		}
	}
	return nil
}

// restartStride keeps the items of later runs apart from the page's items.
const restartStride = 1 << 20

// runBare starts plain goroutines. A real program would die at the first
// panic; the scenario records that moment (Died), stops starting
// tasks and reports every task still running as lost with it.
func runBare(ctx context.Context, items int, every time.Duration, clk clock.Clock, hook event.Hook,
	body func(int) func(context.Context) error) error {
	ctx, die := context.WithCancelCause(ctx)
	defer die(nil)
	emit := func(k event.Kind, id int, err error) {
		if hook != nil {
			hook(event.Event{Time: clk.Now(), Kind: k, ID: id, Slot: -1, Err: err})
		}
	}
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		running = map[int]bool{}
	)
	for i := range items {
		if i > 0 && clock.Sleep(ctx, clk, every) != nil {
			break
		}
		mu.Lock()
		running[i] = true
		mu.Unlock()
		emit(event.Started, i, nil)
		fn := body(i)
		wg.Go(func() {
			defer func() {
				p := recover()
				mu.Lock()
				defer mu.Unlock()
				if !running[i] {
					return // lost with the program, whatever it did after
				}
				delete(running, i)
				if p != nil {
					emit(Died, i, errDied)
					for other := range running {
						emit(event.Cancelled, other, errors.New("lost: the program died"))
						delete(running, other)
					}
					die(errDied)
				}
			}()
			if fn(ctx) == nil {
				emit(event.Finished, i, nil)
			}
		})
	}
	wg.Wait()
	return nil
}

func summarizeTasks(v Values, trace []event.Record) map[string]float64 {
	s := map[string]float64{"items": float64(v.Int("items"))}
	running := 0
	cancelled := map[int32]bool{}
	for _, r := range trace {
		switch r.Kind {
		case event.Started:
			running++
			s["max_running"] = max(s["max_running"], float64(running))
		case event.Finished:
			running--
			s["ok"]++
		case event.Panicked, event.Failed:
			running--
			if cancelled[r.ID] { // stopped by the supervisor giving up
				s["lost"]++
			} else {
				s["crashed"]++
			}
		case Died:
			running--
			s["crashed"]++
			s["died"] = 1
		case event.Cancelled:
			if v.String("mode") == "bare" {
				running--
				s["lost"]++
			} else { // under a supervisor the task's own end follows
				cancelled[r.ID] = true
			}
		case event.Refused:
			s["refused"]++
		case event.Restarted:
			s["restarts"]++
		}
	}
	return s
}
