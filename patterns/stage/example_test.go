package stage_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/stage"
	"github.com/concurrency-patterns/playground/patterns/task"
)

// numbers returns a pull producer's function that makes 1…n on demand.
func numbers(n int) func(context.Context, int) ([]int, error) {
	next := 1
	return func(ctx context.Context, demand int) ([]int, error) {
		var out []int
		for ; len(out) < demand && next <= n; next++ {
			out = append(out, next)
		}
		if next > n {
			return out, io.EOF
		}
		return out, nil
	}
}

func Example() {
	pl, err := stage.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	src, _ := stage.NewProducer(pl, numbers(10_000))
	sum, calls := 0, 0
	sink, _ := stage.NewConsumer(pl, func(ctx context.Context, events []int) error {
		calls++
		for _, n := range events {
			sum += n
		}
		return nil
	}, stage.MaxDemand(100))
	if err := sink.SubscribeTo(src); err != nil {
		fmt.Println(err)
		return
	}
	if err := pl.Run(context.Background()); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("sum", sum, "in", calls, "calls of at most 50")
	// Output:
	// sum 50005000 in 200 calls of at most 50
}

func ExampleNewProducerConsumer() {
	pl, _ := stage.New()
	words := strings.Fields("demand flows upstream events flow downstream")
	src, _ := stage.NewPushProducer[string](pl)
	_ = src.Push(words...)
	src.Close()
	upper, _ := stage.NewProducerConsumer(pl, func(ctx context.Context, in []string) ([]string, error) {
		out := make([]string, len(in))
		for i, w := range in {
			out[i] = strings.ToUpper(w)
		}
		return out, nil
	})
	var got []string
	sink, _ := stage.NewConsumer(pl, func(ctx context.Context, events []string) error {
		got = append(got, events...)
		return nil
	})
	_ = upper.SubscribeTo(src)
	_ = sink.SubscribeTo(upper)
	if err := pl.Run(context.Background()); err != nil {
		fmt.Println(err)
	}
	fmt.Println(strings.Join(got, " "))
	// Output:
	// DEMAND FLOWS UPSTREAM EVENTS FLOW DOWNSTREAM
}

func ExampleNewPushProducer() {
	dropped := 0
	pl, _ := stage.New(stage.WithHook(func(e event.Event) {
		if e.Kind == event.EventsDropped {
			dropped += e.N
		}
	}))
	src, _ := stage.NewPushProducer[int](pl, stage.BufferSize(5))
	var got []int
	sink, _ := stage.NewConsumer(pl, func(ctx context.Context, events []int) error {
		got = append(got, events...)
		return nil
	})
	_ = sink.SubscribeTo(src)
	// Nobody has asked yet: the buffer keeps the 5 newest.
	for i := range 12 {
		_ = src.Push(i)
	}
	src.Close()
	if err := pl.Run(context.Background()); err != nil {
		fmt.Println(err)
	}
	fmt.Println("dropped", dropped, "got", got)
	// Output:
	// dropped 7 got [7 8 9 10 11]
}

func ExampleNewBatcher() {
	pl, _ := stage.New()
	src, _ := stage.NewProducer(pl, numbers(250))
	b, _ := stage.NewBatcher(pl, func(ctx context.Context, batch []int) error {
		fmt.Println("batch of", len(batch), "from", batch[0])
		return nil
	}, stage.BatchSize(100))
	_ = b.SubscribeTo(src)
	if err := pl.Run(context.Background()); err != nil {
		fmt.Println(err)
	}
	// Output:
	// batch of 100 from 1
	// batch of 100 from 101
	// batch of 50 from 201
}

func ExampleHandleFailed() {
	pl, _ := stage.New()
	src, _ := stage.NewProducer(pl, numbers(9))
	sink, _ := stage.NewConsumer(pl, func(ctx context.Context, events []int) error {
		if events[0] == 4 {
			panic("four")
		}
		return nil
	}, stage.MaxDemand(6), stage.HandleFailed(func(ctx context.Context, events []int, err error) {
		var exit *task.ExitError
		fmt.Println("failed", events, errors.As(err, &exit), err)
	}))
	_ = sink.SubscribeTo(src)
	fmt.Println("pipeline:", pl.Run(context.Background()))
	// Output:
	// failed [4 5 6] true exit: panic: four
	// pipeline: <nil>
}

func ExampleError() {
	pl, _ := stage.New()
	src, _ := stage.NewProducer(pl, numbers(100))
	sink, _ := stage.NewConsumer(pl, func(ctx context.Context, events []int) error {
		return errors.New("disk full")
	})
	_ = sink.SubscribeTo(src)
	err := pl.Run(context.Background())
	var se *stage.Error
	if errors.As(err, &se) {
		fmt.Println("stage", se.Stage, "failed:", se.Err)
	}
	// Output:
	// stage 1 failed: disk full
}

// A full buffer drops its oldest events, as GenStage's does, and the
// pipeline still ends with a nil error: Stats is where the loss shows.
func ExamplePipeline_Stats() {
	pl, _ := stage.New()
	src, _ := stage.NewPushProducer[int](pl, stage.BufferSize(2))
	var got []int
	sink, _ := stage.NewConsumer(pl, func(ctx context.Context, events []int) error {
		got = append(got, events...)
		return nil
	})
	_ = sink.SubscribeTo(src)
	_ = src.Push(1, 2, 3, 4, 5) // before Start nobody has asked: 2 fit the buffer
	src.Close()
	err := pl.Run(context.Background())
	st := pl.Stats()
	fmt.Println(got, err)
	fmt.Println("produced", st.Produced, "handled", st.Handled, "dropped", st.Dropped)
	// Output:
	// [4 5] <nil>
	// produced 5 handled 2 dropped 3
}

// A buffer that keeps the first events drops what arrives once it is full,
// where the default drops the oldest.
func ExampleBufferKeep() {
	for _, keep := range []stage.Keep{stage.KeepLast, stage.KeepFirst} {
		pl, _ := stage.New()
		src, _ := stage.NewPushProducer[int](pl, stage.BufferSize(3), stage.BufferKeep(keep))
		var got []int
		sink, _ := stage.NewConsumer(pl, func(ctx context.Context, events []int) error {
			got = append(got, events...)
			return nil
		})
		_ = sink.SubscribeTo(src)
		_ = src.Push(1, 2, 3, 4, 5) // before anyone asked: the buffer holds 3
		fmt.Println(keep, "buffered", src.EstimateBufferedCount())
		src.Close()
		if err := pl.Run(context.Background()); err != nil {
			fmt.Println(err)
		}
		fmt.Println(keep, "handled", got)
	}
	// Output:
	// KeepLast buffered 3
	// KeepLast handled [3 4 5]
	// KeepFirst buffered 3
	// KeepFirst handled [1 2 3]
}

// A producer that accumulates demand lets every consumer subscribe and
// ask before any event moves; forwarding then serves them all.
func ExampleProducer_SetDemand() {
	pl, _ := stage.New()
	src, _ := stage.NewProducer(pl, numbers(6), stage.Demand(stage.Accumulate))
	var got []int
	sink, _ := stage.NewConsumer(pl, func(ctx context.Context, events []int) error {
		got = append(got, events...)
		return nil
	})
	_ = sink.SubscribeTo(src)
	if err := pl.Start(context.Background()); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(src.DemandMode(), len(got))
	_ = src.SetDemand(stage.Forward)
	if err := pl.Wait(); err != nil {
		fmt.Println(err)
	}
	fmt.Println(src.DemandMode(), got)
	// Output:
	// Accumulate 0
	// Forward [1 2 3 4 5 6]
}

// A stream is read with a range loop; it asks for more as the loop goes.
func ExampleStream_All() {
	pl, _ := stage.New()
	src, _ := stage.NewProducer(pl, numbers(5))
	s, _ := stage.NewStream[int](pl, stage.MaxDemand(2))
	_ = s.SubscribeTo(src)
	if err := pl.Start(context.Background()); err != nil {
		fmt.Println(err)
		return
	}
	var squares []int
	for n := range s.All() {
		squares = append(squares, n*n)
	}
	fmt.Println(squares)
	fmt.Println(pl.Wait())
	// Output:
	// [1 4 9 16 25]
	// <nil>
}
