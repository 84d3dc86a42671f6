package stage_test

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/stage"
)

func noop(ctx context.Context, events []int) error { return nil }

func TestConstructorsRejectInvalidOptions(t *testing.T) {
	pl := newPipeline(t, nil)
	consumer := func(opts ...stage.Option) error { _, err := stage.NewConsumer(pl, noop, opts...); return err }
	producer := func(opts ...stage.Option) error { _, err := stage.NewPushProducer[int](pl, opts...); return err }
	batcher := func(opts ...stage.Option) error { _, err := stage.NewBatcher(pl, noop, opts...); return err }
	pc := func(opts ...stage.Option) error {
		_, err := stage.NewProducerConsumer(pl, func(ctx context.Context, in []int) ([]int, error) { return in, nil }, opts...)
		return err
	}
	cases := []struct {
		name string
		err  error
		want string
	}{
		{"zero max demand", consumer(stage.MaxDemand(0)), "max demand must be positive, got 0"},
		{"negative min demand", consumer(stage.MinDemand(-1)), "min demand must not be negative, got -1"},
		{"min demand equal to max", consumer(stage.MaxDemand(10), stage.MinDemand(10)), "min demand must be less than max demand (10), got 10"},
		{"min demand above the default max", consumer(stage.MinDemand(1000)), "min demand must be less than max demand (1000), got 1000"},
		{"min demand above a batcher's max", batcher(stage.BatchSize(5), stage.MinDemand(5)), "less than max demand (5), got 5"},
		{"negative buffer", producer(stage.BufferSize(-1)), "buffer size must not be negative, got -1"},
		{"zero batch size", batcher(stage.BatchSize(0)), "batch size must be positive, got 0"},
		{"zero batch timeout", batcher(stage.BatchTimeout(0)), "batch timeout must be positive, got 0s"},
		{"buffer on a consumer", consumer(stage.BufferSize(5)), "buffer size does not apply to a consumer"},
		{"demand on a producer", producer(stage.MaxDemand(5)), "max demand does not apply to a producer"},
		{"batch size on a producer-consumer", pc(stage.BatchSize(5)), "batch size does not apply to a producer-consumer"},
		{"batch timeout on a consumer", consumer(stage.BatchTimeout(time.Second)), "batch timeout does not apply to a consumer"},
		{"HandleFailed on a producer", producer(stage.HandleFailed(func(context.Context, []int, error) {})), "HandleFailed does not apply to a producer"},
		{"HandleFailed of another type", consumer(stage.HandleFailed(func(context.Context, []string, error) {})), "HandleFailed function is func(context.Context, []string, error), but the stage consumes int"},
		{"nil HandleFailed", consumer(stage.HandleFailed[int](nil)), "nil HandleFailed function"},
		{"unknown buffer keep", producer(stage.BufferKeep(7)), "buffer keep must be KeepLast or KeepFirst, got Keep(7)"},
		{"buffer keep on a consumer", consumer(stage.BufferKeep(stage.KeepFirst)), "buffer keep does not apply to a consumer"},
		{"buffer keep on a batcher", batcher(stage.BufferKeep(stage.KeepLast)), "buffer keep does not apply to a batcher"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			require.ErrorIs(t, tc.err, stage.ErrInvalidOption)
			assert.ErrorContains(t, tc.err, tc.want)
		})
	}
}

func TestConstructorsReportEveryProblem(t *testing.T) {
	_, err := stage.NewConsumer[int](nil, nil, stage.MaxDemand(-1), stage.BufferSize(3))
	require.ErrorIs(t, err, stage.ErrInvalidOption)
	for _, want := range []string{"nil pipeline", "nil function", "max demand", "buffer size does not apply"} {
		assert.ErrorContains(t, err, want)
	}
	_, err = stage.NewProducer[int](nil, nil)
	assert.ErrorContains(t, err, "nil function")
	_, err = stage.New(stage.Shutdown(-time.Second))
	assert.ErrorIs(t, err, stage.ErrInvalidOption)
	assert.ErrorContains(t, err, "shutdown must not be negative, got -1s")
}

func TestDefaultDemands(t *testing.T) {
	cases := []struct {
		name     string
		opts     []stage.Option
		batcher  bool
		max, min int // min shows as the second ask: max - min
	}{
		{"GenStage's", nil, false, 1000, 500},
		{"min is half a given max", []stage.Option{stage.MaxDemand(9)}, false, 9, 4},
		{"a batcher's max is its batch size", []stage.Option{stage.BatchSize(40)}, true, 40, 20},
		{"a batcher's default batch size", nil, true, 100, 50},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var l log
				pl := newPipeline(t, &l)
				p := must(stage.NewProducer(pl, (&count{n: 5000}).produce))
				var sub interface {
					SubscribeTo(stage.Source[int], ...stage.SubscribeOption) error
				}
				if tc.batcher {
					sub = must(stage.NewBatcher(pl, noop, tc.opts...))
				} else {
					sub = must(stage.NewConsumer(pl, noop, tc.opts...))
				}
				require.NoError(t, sub.SubscribeTo(p))
				require.NoError(t, pl.Run(t.Context()))
				assert.Equal(t, []int{tc.max}, l.ns(event.Subscribed, 1))
				asks := l.ns(event.DemandAsked, 1)
				require.Greater(t, len(asks), 2)
				assert.Equal(t, []int{tc.max, tc.max - tc.min}, asks[:2])
			})
		})
	}
}

func TestHandleFailedOfAnotherTypeIsReportedWithTheRest(t *testing.T) {
	pl := newPipeline(t, nil)
	_, err := stage.NewBatcher(pl, noop, stage.BatchSize(0), stage.HandleFailed(func(context.Context, []string, error) {}))
	assert.ErrorContains(t, err, "batch size must be positive")
	assert.ErrorContains(t, err, "HandleFailed function is")
}
