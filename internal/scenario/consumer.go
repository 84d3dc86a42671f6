package scenario

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/concurrency-patterns/playground/patterns/clock"
	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/stage"
	"github.com/concurrency-patterns/playground/patterns/supervisor"
)

// Consumer runs a producer of jobs into the library's consumer supervisor
// (GenStage's ConsumerSupervisor): a child per job, at most max_demand at
// once, each working a drawn time and failing (a panic or an error) with
// probability fail_rate. Temporary children run once; transient ones that
// fail run again for their job, within the restart intensity, past which
// the supervisor gives up and the pipeline stops.
//
// Each attempt at a job draws its time and fate from the seed, the job and
// the attempt alone. Children ending at one virtual instant free their
// places in either order, which may change which lane the next child
// takes, but not the counts.
var Consumer = register(&Scenario{
	Name:  "consumer",
	Title: "Consumer supervisor",
	Params: []Param{
		{Name: "jobs", Kind: Int, Default: "40", Min: 1, Max: 2000,
			Help: "How many jobs the producer makes in all, each an event that gets a child of its own."},
		{Name: "max_demand", Kind: Int, Default: "4", Min: 1, Max: 64,
			Help: "How many jobs the supervisor asks the producer for at first: the most children that run at once."},
		{Name: "min_demand", Kind: Int, Default: "0", Min: 0, Max: 63,
			Help: "The supervisor asks for more jobs once this many places are free (0 or 1: as each child ends). Must be less than max_demand."},
		{Name: "restart", Kind: Choice, Default: "temporary", Choices: []string{"temporary", "transient"},
			Help: "temporary children run once, however they end; a transient child that fails runs again for its job."},
		{Name: "max_restarts", Kind: Int, Default: "3", Min: 0, Max: 100,
			Help: "How many restarts are allowed within max_seconds; one more and the supervisor gives up, which stops the pipeline."},
		{Name: "max_seconds", Kind: Int, Default: "5", Min: 1, Max: 3600,
			Help: "The restart intensity's period, in whole seconds."},
		{Name: "work_ms_min", Kind: Millis, Default: "100", Min: 0, Max: 600_000,
			Help: "Shortest time a child works on its job."},
		{Name: "work_ms_max", Kind: Millis, Default: "600", Min: 0, Max: 600_000,
			Help: "Longest time a child works on its job."},
		{Name: "fail_rate", Kind: Float, Default: "0.1", Min: 0, Max: 1,
			Help: "Chance that a child fails its job: half of them panic, half return an error."},
		{Name: "seed", Kind: Int, Default: "1", Min: 0, Max: 1 << 31,
			Help: "Seeds the workload: the same seed gives every job the same times and fates."},
	},
	Summary: []string{"jobs", "produced", "started", "ok", "failed", "restarted", "stopped", "gave_up",
		"max_concurrent", "p99_ms", "virtual_ms"},
	checks:    checkConsumerParams,
	run:       runConsumer,
	summarize: summarizeConsumer,
})

func checkConsumerParams(v Values) []FieldError {
	if max, min := v.Int("max_demand"), v.Int("min_demand"); min >= max {
		return []FieldError{{Param: "min_demand", Message: fmt.Sprintf("must be less than max_demand (%d), got %d", max, min)}}
	}
	return nil
}

func runConsumer(ctx context.Context, v Values, clk clock.Clock, hook event.Hook) error {
	if errs := checkConsumerParams(v); len(errs) > 0 {
		return errs[0]
	}
	pl, err := stage.New(stage.WithClock(clk), stage.WithHook(hook))
	if err != nil {
		return err
	}
	src, err := stage.NewProducer(pl, countTo(v.Int("jobs")))
	if err != nil {
		return err
	}
	c := &children{v: v, clk: clk, hook: hook, attempts: map[int]int{}}
	cs, err := stage.NewConsumerSupervisor(pl, c.run,
		stage.MaxDemand(v.Int("max_demand")), stage.MinDemand(v.Int("min_demand")),
		stage.ChildRestart(restartPolicies[v.String("restart")]),
		stage.MaxRestarts(v.Int("max_restarts"), time.Duration(v.Int("max_seconds"))*time.Second))
	if err != nil {
		return err
	}
	if err := cs.SubscribeTo(src); err != nil {
		return err
	}
	err = pl.Run(ctx)
	if errors.Is(err, supervisor.ErrMaxIntensity) {
		return nil // the supervisor giving up is an outcome, in the trace
	}
	return err
}

// children is the work of the supervisor's children: each takes the
// lowest free lane, works its drawn time and ends as drawn, telling the
// trace which job it was.
type children struct {
	v    Values
	clk  clock.Clock
	hook event.Hook

	mu       sync.Mutex
	lanes    []bool      // busy lanes
	attempts map[int]int // runs begun per job
}

func (c *children) run(ctx context.Context, job int) error {
	c.mu.Lock()
	attempt := c.attempts[job]
	c.attempts[job]++
	lane := 0
	for lane < len(c.lanes) && c.lanes[lane] {
		lane++
	}
	if lane == len(c.lanes) {
		c.lanes = append(c.lanes, false)
	}
	c.lanes[lane] = true
	c.emit(JobBegan, job, lane, attempt, nil)
	c.mu.Unlock()

	w := drawChildRun(c.v, job, attempt)
	err := clock.Sleep(ctx, c.clk, w.duration)
	if err == nil {
		switch w.crash {
		case crashPanic:
			err = fmt.Errorf("panic: simulated crash of job %d", job)
		case crashError:
			err = fmt.Errorf("simulated failure of job %d", job)
		}
	}
	c.mu.Lock()
	c.lanes[lane] = false
	c.emit(JobEnded, job, lane, attempt, err)
	c.mu.Unlock()
	if err != nil && w.crash == crashPanic && ctx.Err() == nil {
		panic(fmt.Sprintf("simulated crash of job %d", job))
	}
	return err
}

// emit reports a child's step; c.mu is held, which orders the steps.
func (c *children) emit(k event.Kind, job, lane, attempt int, err error) {
	if c.hook != nil {
		c.hook(event.Event{Time: c.clk.Now(), Kind: k, ID: job, Slot: lane, N: attempt, Err: err})
	}
}
