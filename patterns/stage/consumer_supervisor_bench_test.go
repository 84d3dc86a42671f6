package stage_test

import (
	"context"
	"testing"

	"github.com/concurrency-patterns/playground/patterns/stage"
)

// BenchmarkConsumerSupervisor measures a child per event: a goroutine
// started, run and heard to exit, with the default demand (1000 children
// at most). Its ns/op is per event.
func BenchmarkConsumerSupervisor(b *testing.B) {
	b.ReportAllocs()
	pl, _ := stage.New()
	src, _ := stage.NewProducer(pl, numbers(b.N))
	cs, _ := stage.NewConsumerSupervisor(pl, func(context.Context, int) error { return nil })
	if err := cs.SubscribeTo(src); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	if err := pl.Run(context.Background()); err != nil {
		b.Fatal(err)
	}
}
