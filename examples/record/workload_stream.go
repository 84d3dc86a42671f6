package main

import (
	"context"
	"errors"
	"io"
	"strconv"
	"time"

	"github.com/concurrency-patterns/playground/patterns/stream"
	"github.com/concurrency-patterns/playground/patterns/task"
	"github.com/concurrency-patterns/playground/patterns/trace"
)

// The stream's workload: forty inputs, each taking 10 to 40 ms of real
// time; every ninth panics, and every eleventh (from the sixth) takes
// longer than the timeout, which kills that task and lets the stream go on.
const (
	streamItems   = 40
	streamSlots   = 4
	streamTimeout = 60 * time.Millisecond
	streamSlow    = 90 * time.Millisecond
)

func recordStream(w io.Writer) (tally, error) {
	tw := trace.NewWriter(w, trace.Header{Pattern: "stream", Params: map[string]string{
		"items":           strconv.Itoa(streamItems),
		"max_concurrency": strconv.Itoa(streamSlots),
		"ordered":         "true",
		"timeout":         ms(streamTimeout),
		"on_timeout":      "kill_task",
		"work_ms_min":     "10",
		"work_ms_max":     ms(streamSlow),
	}})
	s, err := stream.New(streamWork, stream.MaxConcurrency(streamSlots), stream.Timeout(streamTimeout),
		stream.OnTimeout(stream.KillTask), stream.WithHook(tw.Hook()))
	if err != nil {
		return nil, err
	}
	t := tally{"items": streamItems, "ok": 0, "failed": 0, "timed_out": 0}
	for res, err := range s.Run(context.Background(), inputs(streamItems)) {
		switch {
		case err != nil:
			return t, err
		case errors.Is(res.Err, task.ErrTimeout):
			t["timed_out"]++
		case res.Err != nil:
			t["failed"]++
		default:
			t["ok"]++
		}
	}
	return t, tw.Close()
}

func streamWork(ctx context.Context, i int) (int, error) {
	d := between(10, 40)
	if i%11 == 5 {
		d = streamSlow
	}
	if err := sleep(ctx, d); err != nil {
		return 0, err
	}
	if i%9 == 8 {
		panic("item " + strconv.Itoa(i) + " failed")
	}
	return i * i, nil
}

func inputs(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}
