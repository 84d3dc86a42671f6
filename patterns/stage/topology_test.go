package stage_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/stage"
)

func identity(ctx context.Context, in []int) ([]int, error) { return in, nil }

func TestSubscribeRefusesInvalidTopologies(t *testing.T) {
	pl := newPipeline(t, nil)
	p := must(stage.NewPushProducer[int](pl))
	a := must(stage.NewProducerConsumer(pl, identity))
	b := must(stage.NewProducerConsumer(pl, identity))
	c := must(stage.NewConsumer(pl, noop))
	require.NoError(t, a.SubscribeTo(p))
	require.NoError(t, b.SubscribeTo(a))
	require.NoError(t, c.SubscribeTo(b))

	other := newPipeline(t, nil)
	foreign := must(stage.NewPushProducer[int](other))
	var nilProducer *stage.Producer[int]

	cases := []struct {
		name string
		err  error
		want string
	}{
		{"twice to one producer", c.SubscribeTo(b), "stage 3 is already subscribed to stage 2"},
		{"to itself", a.SubscribeTo(a), "stage 1 subscribing to stage 1 would make a cycle"},
		{"a cycle", a.SubscribeTo(b), "stage 1 subscribing to stage 2 would make a cycle"},
		{"across pipelines", c.SubscribeTo(foreign), "stage 3 cannot subscribe to a stage of another pipeline"},
		{"to nil", c.SubscribeTo(nil), "stage 3 cannot subscribe to a nil stage"},
		{"to a nil producer", c.SubscribeTo(nilProducer), "stage 3 cannot subscribe to a nil stage"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			require.ErrorIs(t, tc.err, stage.ErrTopology)
			assert.ErrorContains(t, tc.err, tc.want)
		})
	}
}

func TestStartRefusesStagesThatWouldWaitForever(t *testing.T) {
	t.Run("no stages", func(t *testing.T) {
		err := newPipeline(t, nil).Start(t.Context())
		require.ErrorIs(t, err, stage.ErrTopology)
		assert.ErrorContains(t, err, "the pipeline has no stages")
	})
	t.Run("loose stages", func(t *testing.T) {
		pl := newPipeline(t, nil)
		must(stage.NewPushProducer[int](pl))
		must(stage.NewProducerConsumer(pl, identity))
		must(stage.NewBatcher(pl, noop))
		err := pl.Start(t.Context())
		require.ErrorIs(t, err, stage.ErrTopology)
		for _, want := range []string{
			"stage 0 (producer) has no consumer",
			"stage 1 (producer-consumer) is subscribed to no producer",
			"stage 1 (producer-consumer) has no consumer",
			"stage 2 (batcher) is subscribed to no producer",
		} {
			assert.ErrorContains(t, err, want)
		}
		assert.Panics(t, func() { _ = pl.Wait() }, "not started")
	})
}

func TestAPipelineRunsOnce(t *testing.T) {
	pl := newPipeline(t, nil)
	p := must(stage.NewPushProducer[int](pl))
	c := must(stage.NewConsumer(pl, noop))
	require.NoError(t, c.SubscribeTo(p))
	p.Close()
	require.NoError(t, pl.Start(t.Context()))
	assert.ErrorIs(t, pl.Start(t.Context()), stage.ErrStarted)
	_, err := stage.NewConsumer(pl, noop)
	assert.ErrorIs(t, err, stage.ErrStarted)
	assert.ErrorIs(t, c.SubscribeTo(must(stage.NewPushProducer[int](newPipeline(t, nil)))), stage.ErrStarted)
	require.NoError(t, pl.Wait())
	require.NoError(t, pl.Wait(), "Wait may be called again")
	assert.Equal(t, 0, p.ID())
	assert.Equal(t, 1, c.ID())
}

func TestWaitBeforeStartPanics(t *testing.T) {
	pl := newPipeline(t, nil)
	assert.PanicsWithValue(t, "stage: Wait before Start", func() { _ = pl.Wait() })
}
