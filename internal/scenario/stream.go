package scenario

import (
	"context"
	"errors"
	"iter"
	"strconv"
	"strings"

	"github.com/concurrency-patterns/playground/patterns/stream"
	"github.com/concurrency-patterns/playground/patterns/task"

	"github.com/concurrency-patterns/playground/patterns/clock"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Stream runs items through the bounded parallel stream (Elixir's
// Task.Supervisor.async_stream_nolink). Each item's task sleeps a drawn
// number of milliseconds and, with probability fail_rate, panics.
var Stream = register(&Scenario{
	Name:  "stream",
	Title: "Bounded parallel stream",
	Params: []Param{
		{Name: "items", Kind: Int, Default: "20", Min: 1, Max: 20000,
			Help: "How many inputs the stream processes."},
		{Name: "max_concurrency", Kind: Int, Default: "4", Min: 1, Max: 1000,
			Help: "How many tasks may run at once."},
		{Name: "ordered", Kind: Bool, Default: "true",
			Help: "Emit results in input order (finished results wait in a buffer) or as they complete."},
		{Name: "timeout", Kind: Millis, Default: "5000", Min: 1, Max: 3_600_000, Infinite: true,
			Help: "How long one task may run, counted from its start."},
		{Name: "on_timeout", Kind: Choice, Default: "exit", Choices: []string{"exit", "kill_task"},
			Help: "exit stops the whole stream at the first timeout; kill_task gives that item a timeout result and goes on."},
		{Name: "work_ms_min", Kind: Millis, Default: "50", Min: 0, Max: 600_000,
			Help: "Shortest simulated task."},
		{Name: "work_ms_max", Kind: Millis, Default: "400", Min: 0, Max: 600_000,
			Help: "Longest simulated task."},
		{Name: "fail_rate", Kind: Float, Default: "0", Min: 0, Max: 1,
			Help: "Chance that a task panics."},
		{Name: "max_children", Kind: Int, Default: Infinity, Min: 0, Max: 10_000, Infinite: true,
			Help: "Runs the tasks under a task supervisor with this max_children (Task.Supervisor.async_stream_nolink); " +
				"a task it refuses stops the whole stream, as Elixir raises. infinity: no supervisor."},
		{Name: "seed", Kind: Int, Default: "1", Min: 0, Max: 1 << 31,
			Help: "Seeds the workload: the same seed gives the same durations and crashes."},
	},
	Summary:   []string{"items", "ok", "failed", "timed_out", "cancelled", "refused", "max_active", "virtual_ms"},
	run:       runStream,
	summarize: summarizeStream,
})

func runStream(ctx context.Context, v Values, clk clock.Clock, hook event.Hook) error {
	opts := []stream.Option{
		stream.MaxConcurrency(v.Int("max_concurrency")),
		stream.WithClock(clk),
		stream.WithHook(hook),
	}
	if !v.Bool("ordered") {
		opts = append(opts, stream.Unordered())
	}
	if d, ok := v.Duration("timeout"); ok {
		opts = append(opts, stream.Timeout(d))
	} else {
		opts = append(opts, stream.NoTimeout())
	}
	if v.String("on_timeout") == "kill_task" {
		opts = append(opts, stream.OnTimeout(stream.KillTask))
	}
	if n := v.Int("max_children"); n < 1<<31 {
		sup, err := task.NewSupervisor(task.MaxChildren(n), task.WithClock(clk))
		if err != nil {
			return err
		}
		defer sup.Stop()
		opts = append(opts, stream.WithSupervisor(sup))
	}
	s, err := stream.New(func(ctx context.Context, item int) (int, error) {
		w := drawWork(v, item)
		if err := clock.Sleep(ctx, clk, w.duration); err != nil {
			return 0, err
		}
		if w.crash {
			panic("simulated crash of item " + strconv.Itoa(item))
		}
		return item, nil
	}, opts...)
	if err != nil {
		return err
	}
	for _, err := range s.Run(ctx, count(v.Int("items"))) {
		if errors.Is(err, task.ErrTimeout) || errors.Is(err, task.ErrMaxChildren) {
			return nil // a timeout under on_timeout=exit, or a refused task, ended the stream: an outcome
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// count yields 0, 1, …, n-1.
func count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}

func summarizeStream(v Values, trace []event.Record) map[string]float64 {
	s := map[string]float64{"items": float64(v.Int("items"))}
	active := 0
	for _, r := range trace {
		switch r.Kind {
		case event.Started:
			active++
			s["max_active"] = max(s["max_active"], float64(active))
		case event.Finished:
			active--
			s["ok"]++
		case event.Failed, event.Panicked:
			active--
			s["failed"]++
		case event.TimedOut:
			active--
			s["timed_out"]++
		case event.Cancelled:
			active--
			s["cancelled"]++
		case event.Halted:
			if strings.Contains(r.Detail, task.ErrMaxChildren.Error()) {
				s["refused"]++
			}
		}
	}
	return s
}
