package stage_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/concurrency-patterns/playground/patterns/stage"
)

func TestZeroValuesAreRejectedAtTheFirstCall(t *testing.T) {
	pl := newPipeline(t, nil)
	src := must(stage.NewPushProducer[int](pl))
	consume := func(context.Context, []int) error { return nil }
	cases := []struct {
		name, want string
		call       func()
	}{
		{"a constructor given a zero Pipeline", "stage: zero Pipeline; make one with stage.New", func() {
			var zero stage.Pipeline
			_, _ = stage.NewConsumer(&zero, consume)
		}},
		{"Start", "stage: zero Pipeline; make one with stage.New", func() {
			var zero stage.Pipeline
			_ = zero.Start(t.Context())
		}},
		{"Run", "stage: zero Pipeline; make one with stage.New", func() {
			var zero stage.Pipeline
			_ = zero.Run(t.Context())
		}},
		{"Stats", "stage: zero Pipeline; make one with stage.New", func() {
			var zero stage.Pipeline
			zero.Stats()
		}},
		{"Push", "stage: zero Producer; make one with stage.NewProducer or stage.NewPushProducer", func() {
			var zero stage.Producer[int]
			_ = zero.Push(1)
		}},
		{"Wake", "stage: zero Producer; make one with stage.NewProducer or stage.NewPushProducer", func() {
			var zero stage.Producer[int]
			zero.Wake()
		}},
		{"SubscribeTo", "stage: zero Consumer; make one with stage.NewConsumer", func() {
			var zero stage.Consumer[int]
			_ = zero.SubscribeTo(src)
		}},
		{"a zero ProducerConsumer", "stage: zero ProducerConsumer; make one with stage.NewProducerConsumer", func() {
			var zero stage.ProducerConsumer[int, int]
			_ = zero.SubscribeTo(src)
		}},
		{"a zero Batcher", "stage: zero Batcher; make one with stage.NewBatcher", func() {
			var zero stage.Batcher[int]
			zero.ID()
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.PanicsWithValue(t, tc.want, tc.call)
		})
	}
	// The pipeline made with New is untouched by all that.
	c := must(stage.NewConsumer(pl, consume))
	assert.NoError(t, c.SubscribeTo(src))
}
