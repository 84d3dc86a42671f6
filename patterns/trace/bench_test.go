package trace_test

import (
	"context"
	"io"
	"testing"
	"time"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/stream"
	"github.com/concurrency-patterns/playground/patterns/trace"
)

// BenchmarkHook is what one event costs each recorder, against no hook at
// all (a nil check, as every pattern does).
func BenchmarkHook(b *testing.B) {
	e := event.Event{Time: time.Now(), Kind: event.Finished, ID: 12345, Slot: 3}
	for _, c := range []struct {
		name string
		hook event.Hook
	}{
		{"none", nil},
		{"ring", trace.NewRing(4096).Hook()},
		{"writer", trace.NewWriter(io.Discard, trace.Header{Pattern: "stream"}).Hook()},
		{"recorder", event.NewRecorder(e.Time).Hook()},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if c.hook != nil {
					c.hook(e)
				}
			}
		})
	}
}

// BenchmarkStream is a stream of 1,000 trivial tasks on real time, with no
// hook and with each recorder: the overhead as a program sees it.
func BenchmarkStream(b *testing.B) {
	for _, c := range []struct {
		name string
		hook func() event.Hook
	}{
		{"none", func() event.Hook { return nil }},
		{"ring", func() event.Hook { return trace.NewRing(4096).Hook() }},
		{"writer", func() event.Hook { return trace.NewWriter(io.Discard, trace.Header{Pattern: "stream"}).Hook() }},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				s, err := stream.New(func(_ context.Context, i int) (int, error) { return i, nil },
					stream.MaxConcurrency(8), stream.WithHook(c.hook()))
				if err != nil {
					b.Fatal(err)
				}
				for range s.Run(context.Background(), func(yield func(int) bool) {
					for i := range 1000 {
						if !yield(i) {
							return
						}
					}
				}) {
				}
			}
		})
	}
}
