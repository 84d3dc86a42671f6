package main

import (
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/concurrency-patterns/playground/patterns/stream"
	"github.com/concurrency-patterns/playground/patterns/task"
	"github.com/concurrency-patterns/playground/patterns/trace"
)

// The workload: each input takes 10 to 40 ms of real time; every ninth
// panics, and every eleventh (from the sixth) takes longer than the
// timeout, which kills that task and lets the stream go on.
const (
	slots    = 4
	timeout  = 60 * time.Millisecond
	slowWork = 90 * time.Millisecond
)

// tally is what the program itself saw of the results, under the names the
// playground's stream summary uses.
type tally struct {
	Items    int `json:"items"`
	OK       int `json:"ok"`
	Failed   int `json:"failed"`
	TimedOut int `json:"timed_out"`
}

// record runs the workload, writing its trace to w as it goes.
func record(w io.Writer, items int) (tally, error) {
	tw := trace.NewWriter(w, trace.Header{Pattern: "stream", Params: map[string]string{
		"items":           strconv.Itoa(items),
		"max_concurrency": strconv.Itoa(slots),
		"ordered":         "true",
		"timeout":         strconv.Itoa(int(timeout / time.Millisecond)),
		"on_timeout":      "kill_task",
		"work_ms_min":     "10",
		"work_ms_max":     strconv.Itoa(int(slowWork / time.Millisecond)),
	}})
	s, err := stream.New(work, stream.MaxConcurrency(slots), stream.Timeout(timeout),
		stream.OnTimeout(stream.KillTask), stream.WithHook(tw.Hook()))
	if err != nil {
		return tally{}, err
	}
	t := tally{Items: items}
	for res, err := range s.Run(context.Background(), inputs(items)) {
		switch {
		case err != nil:
			return t, err
		case errors.Is(res.Err, task.ErrTimeout):
			t.TimedOut++
		case res.Err != nil:
			t.Failed++
		default:
			t.OK++
		}
	}
	return t, tw.Close()
}

func work(ctx context.Context, i int) (int, error) {
	d := time.Duration(10+rand.IntN(31)) * time.Millisecond
	if i%11 == 5 {
		d = slowWork
	}
	select {
	case <-time.After(d):
	case <-ctx.Done():
		return 0, ctx.Err()
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
