package stage_test

import (
	"context"
	"errors"
	"runtime"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/stage"
	"github.com/concurrency-patterns/playground/patterns/task"
)

var errBoom = errors.New("boom")

// failAt is a consumer's function that fails the way given on the call
// holding event n.
func failAt(n int, how string) func(context.Context, []int) error {
	return func(ctx context.Context, events []int) error {
		for _, e := range events {
			if e != n {
				continue
			}
			switch how {
			case "error":
				return errBoom
			case "panic":
				panic(errBoom)
			case "goexit":
				runtime.Goexit()
			}
		}
		return nil
	}
}

func TestConsumerFailureStopsThePipeline(t *testing.T) {
	cases := []struct {
		how   string
		check func(t *testing.T, err error)
	}{
		{"error", func(t *testing.T, err error) {
			var exit *task.ExitError
			assert.False(t, errors.As(err, &exit), "its own error, not an exit")
		}},
		{"panic", func(t *testing.T, err error) {
			var p *task.PanicError
			require.ErrorAs(t, err, &p)
			assert.Equal(t, errBoom, p.Value)
			assert.Contains(t, string(p.Stack), "failAt")
		}},
	}
	for _, tc := range cases {
		t.Run(tc.how, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var l log
				pl := newPipeline(t, &l)
				p := must(stage.NewProducer(pl, (&count{n: 1000}).produce))
				c := must(stage.NewConsumer(pl, failAt(37, tc.how), stage.MaxDemand(10)))
				require.NoError(t, c.SubscribeTo(p))
				err := pl.Run(t.Context())
				var se *stage.Error
				require.ErrorAs(t, err, &se)
				assert.Equal(t, c.ID(), se.Stage)
				assert.ErrorIs(t, err, errBoom)
				tc.check(t, err)

				failed := l.of(event.StageFailed, c.ID())
				require.Len(t, failed, 1)
				assert.Equal(t, 5, failed[0].N, "the call holding 37 had 35…39")
				halted := l.of(event.PipelineHalted, -1)
				require.Len(t, halted, 1)
				assert.ErrorIs(t, halted[0].Err, errBoom)
				assertAccounted(t, &l)
			})
		})
	}
}

func TestGoexitInAStageStopsThePipeline(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l log
		pl := newPipeline(t, &l)
		p := must(stage.NewProducer(pl, (&count{n: 100}).produce))
		c := must(stage.NewConsumer(pl, failAt(3, "goexit"), stage.MaxDemand(10)))
		require.NoError(t, c.SubscribeTo(p))
		err := pl.Run(t.Context())
		var exit *task.ExitError
		require.ErrorAs(t, err, &exit)
		assert.ErrorContains(t, err, "Goexit")
		assert.Equal(t, []int{5}, l.ns(event.EventsDiscarded, c.ID()), "the 5 it held beyond the call")
		assertAccounted(t, &l)
	})
}

func TestHandleFailedLetsTheStageGoOn(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l log
		pl := newPipeline(t, &l)
		p := must(stage.NewProducer(pl, (&count{n: 100}).produce))
		var failed [][]int
		var reasons []error
		c := must(stage.NewConsumer(pl, func(ctx context.Context, events []int) error {
			if events[0]%20 == 0 {
				panic("every fourth call")
			}
			return nil
		}, stage.MaxDemand(10), stage.HandleFailed(func(ctx context.Context, events []int, err error) {
			failed = append(failed, append([]int(nil), events...))
			reasons = append(reasons, err)
		})))
		require.NoError(t, c.SubscribeTo(p))
		require.NoError(t, pl.Run(t.Context()))
		require.Len(t, failed, 5)
		assert.Equal(t, []int{20, 21, 22, 23, 24}, failed[1])
		for _, err := range reasons {
			var exit *task.ExitError
			assert.ErrorAs(t, err, &exit)
		}
		assert.Equal(t, 75, l.sum(event.EventsProcessed, c.ID()))
		assert.Equal(t, 25, l.sum(event.StageFailed, c.ID()))
	})
}

func TestPanicInHandleFailedStopsThePipeline(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		pl := newPipeline(t, nil)
		p := must(stage.NewProducer(pl, (&count{n: 100}).produce))
		c := must(stage.NewConsumer(pl, failAt(5, "error"),
			stage.HandleFailed(func(ctx context.Context, events []int, err error) { panic("worse") })))
		require.NoError(t, c.SubscribeTo(p))
		err := pl.Run(t.Context())
		var pe *task.PanicError
		require.ErrorAs(t, err, &pe)
		assert.Equal(t, "worse", pe.Value)
	})
}

func TestProducerFailureStopsThePipeline(t *testing.T) {
	cases := []struct {
		name string
		fn   func(ctx context.Context, demand int) ([]int, error)
		want func(t *testing.T, err error)
	}{
		{"error", func(ctx context.Context, demand int) ([]int, error) { return nil, errBoom },
			func(t *testing.T, err error) { assert.ErrorIs(t, err, errBoom) }},
		{"panic", func(ctx context.Context, demand int) ([]int, error) { panic("no source") },
			func(t *testing.T, err error) {
				var pe *task.PanicError
				require.ErrorAs(t, err, &pe)
				assert.Equal(t, "no source", pe.Value)
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var l log
				pl := newPipeline(t, &l)
				p := must(stage.NewProducer(pl, tc.fn))
				c := must(stage.NewConsumer(pl, (&collector{}).consume))
				require.NoError(t, c.SubscribeTo(p))
				err := pl.Run(t.Context())
				var se *stage.Error
				require.ErrorAs(t, err, &se)
				assert.Equal(t, p.ID(), se.Stage)
				tc.want(t, err)
				require.Len(t, l.of(event.StageFailed, p.ID()), 1)
				for _, e := range l.of(event.StageDone, -1) {
					assert.Error(t, e.Err, "stage %d did not finish its work", e.ID)
				}
			})
		})
	}
}
