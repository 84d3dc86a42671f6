package scenario

import (
	"context"
	"sync"

	"github.com/concurrency-patterns/playground/patterns/clock"
	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/limiter"
)

// Limiter runs callers through the FIFO limiter (Elixir's hand-written
// RateLimiter GenServer). Callers arrive at a steady rate; each waits for a slot at most
// timeout ms, then holds it for a drawn time and, with probability
// fail_rate, crashes while holding it.
var Limiter = register(&Scenario{
	Name:  "limiter",
	Title: "FIFO limiter",
	Params: []Param{
		{Name: "items", Kind: Int, Default: "30", Min: 1, Max: 20000,
			Help: "How many callers arrive."},
		{Name: "rate", Kind: Float, Default: "20", Min: 0.1, Max: 100000,
			Help: "Callers arriving per second, evenly spaced."},
		{Name: "max", Kind: Int, Default: "3", Min: 1, Max: 1000,
			Help: "How many callers may hold a slot at once (the limiter's max)."},
		{Name: "work_ms_min", Kind: Millis, Default: "100", Min: 0, Max: 600_000,
			Help: "Shortest time a caller holds its slot."},
		{Name: "work_ms_max", Kind: Millis, Default: "500", Min: 0, Max: 600_000,
			Help: "Longest time a caller holds its slot."},
		{Name: "timeout", Kind: Millis, Default: "5000", Min: 1, Max: 3_600_000, Infinite: true,
			Help: "How long a caller waits for a slot before giving up (GenServer.call's default is 5000)."},
		{Name: "fail_rate", Kind: Float, Default: "0", Min: 0, Max: 1,
			Help: "Chance that a caller crashes while holding its slot; the slot is released all the same."},
		{Name: "seed", Kind: Int, Default: "1", Min: 0, Max: 1 << 31,
			Help: "Seeds the workload: the same seed gives the same hold times and crashes."},
	},
	Summary:   []string{"items", "granted", "gave_up", "max_active", "max_waiting", "virtual_ms"},
	run:       runLimiter,
	summarize: summarizeLimiter,
})

func runLimiter(ctx context.Context, v Values, clk clock.Clock, hook event.Hook) error {
	lim, err := limiter.New(v.Int("max"), limiter.WithClock(clk), limiter.WithHook(hook))
	if err != nil {
		return err
	}
	var wg sync.WaitGroup
	err = atRate(ctx, clk, v.Int("items"), v.Float("rate"), func(i int) {
		wg.Go(func() { limiterCaller(ctx, lim, clk, v, i) })
	})
	wg.Wait()
	return err
}

// limiterCaller is one caller: it waits for a slot, at most timeout on the
// virtual clock, then works while holding it.
func limiterCaller(ctx context.Context, lim *limiter.Limiter, clk clock.Clock, v Values, i int) {
	defer recoverCrash()
	w := drawWork(v, i)
	waiting, giveUp := context.WithCancelCause(ctx)
	defer giveUp(nil)
	var timer clock.Timer
	if d, ok := v.Duration("timeout"); ok {
		timer = clk.AfterFunc(d, func() { giveUp(errWaitedTooLong) })
	}
	_ = lim.Do(limiter.WithCaller(waiting, i), func(context.Context) error {
		if timer != nil {
			timer.Stop() // the timeout bounds the wait, not the work
		}
		return holdFor(ctx, clk, w, i)
	})
}

func summarizeLimiter(v Values, trace []event.Record) map[string]float64 {
	s := map[string]float64{"items": float64(v.Int("items"))}
	active, mostActive, mostWaiting := 0, 0, 0
	waiting := map[int32]bool{}
	held := map[int32]bool{}
	gaveUp := map[int32]bool{}
	for _, r := range trace {
		switch r.Kind {
		case event.Acquired:
			active++
			held[r.ID] = true
		case event.Queued:
			waiting[r.ID] = true
		case event.Granted:
			active++
			delete(waiting, r.ID)
			held[r.ID] = true
		case event.Released:
			active--
		case event.GaveUp:
			delete(waiting, r.ID)
			gaveUp[r.ID] = true // also a caller whose grant met its cancellation
		}
		mostActive, mostWaiting = max(mostActive, active), max(mostWaiting, len(waiting))
	}
	s["max_active"], s["max_waiting"] = float64(mostActive), float64(mostWaiting)
	for id := range held {
		if !gaveUp[id] {
			s["granted"]++
		}
	}
	s["gave_up"] = float64(len(gaveUp))
	return s
}
