package stage_test

import (
	"context"
	"errors"
	"runtime"
	"testing"
	"testing/synctest"
	"time"

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
		pl := newPipeline(t, nil)
		p := must(stage.NewProducer(pl, (&count{n: 100}).produce))
		c := must(stage.NewConsumer(pl, failAt(3, "goexit")))
		require.NoError(t, c.SubscribeTo(p))
		err := pl.Run(t.Context())
		var exit *task.ExitError
		require.ErrorAs(t, err, &exit)
		assert.ErrorContains(t, err, "Goexit")
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

func TestCancelStopsThePipelineAndAccountsForEveryEvent(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l log
		pl := newPipeline(t, &l)
		p := must(stage.NewProducer(pl, (&count{n: 100_000}).produce, stage.BufferSize(100)))
		pc := must(stage.NewProducerConsumer(pl, func(ctx context.Context, in []int) ([]int, error) {
			return in, sleep(ctx, len(in))
		}, stage.MaxDemand(50)))
		bt := must(stage.NewBatcher(pl, func(ctx context.Context, batch []int) error {
			return sleep(ctx, 3)
		}, stage.BatchSize(30)))
		require.NoError(t, pc.SubscribeTo(p))
		require.NoError(t, bt.SubscribeTo(pc))
		ctx, cancel := context.WithTimeout(t.Context(), 777*time.Millisecond)
		defer cancel()
		err := pl.Run(ctx)
		require.ErrorIs(t, err, context.DeadlineExceeded)
		assert.Positive(t, l.sum(event.EventsDiscarded, -1))
		assertAccounted(t, &l)
		for _, e := range l.of(event.StageDone, -1) {
			assert.ErrorIs(t, e.Err, stage.ErrStopped)
		}
	})
}

func TestStageIgnoringCancellationIsAbandoned(t *testing.T) {
	cases := []struct {
		name     string
		shutdown time.Duration
	}{
		{"after the shutdown time", 300 * time.Millisecond},
		{"at once with no shutdown time", 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var l log
				pl := newPipeline(t, &l, stage.Shutdown(tc.shutdown))
				p := must(stage.NewProducer(pl, (&count{n: 100}).produce))
				stubborn := must(stage.NewConsumer(pl, func(ctx context.Context, events []int) error {
					time.Sleep(time.Hour) // ignores ctx
					return nil
				}, stage.MaxDemand(4)))
				polite := must(stage.NewConsumer(pl, func(ctx context.Context, events []int) error {
					return sleep(ctx, 10_000)
				}, stage.MaxDemand(4)))
				require.NoError(t, stubborn.SubscribeTo(p))
				require.NoError(t, polite.SubscribeTo(p))
				ctx, cancel := context.WithCancel(t.Context())
				require.NoError(t, pl.Start(ctx))
				time.Sleep(time.Second)
				cancel()
				start := time.Now()
				require.ErrorIs(t, pl.Wait(), context.Canceled)
				assert.Equal(t, tc.shutdown, time.Since(start), "Wait waits the shutdown time, no longer")
				abandoned := l.of(event.StageAbandoned, -1)
				if tc.shutdown > 0 {
					assert.Len(t, abandoned, 1, "the polite consumer returned in time")
				} // else the polite one may also be caught inside its function
				var ids []int
				for _, e := range abandoned {
					ids = append(ids, e.ID)
					assert.Equal(t, 2, e.N, "the events of its call")
					assert.ErrorIs(t, e.Err, task.ErrAbandoned)
				}
				assert.Contains(t, ids, stubborn.ID())
				assertAccounted(t, &l)
				n := l.len()
				time.Sleep(2 * time.Hour) // let the abandoned goroutine end inside the bubble
				assert.Equal(t, n, l.len(), "an abandoned stage reports nothing more")
			})
		})
	}
}
