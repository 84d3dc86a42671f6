package stage_test

import (
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/stage"
)

func TestAccumulatedDemandWaitsForForward(t *testing.T) {
	cases := []struct {
		name     string
		pull     bool // a pull producer; else a push producer with events buffered
		wantSent int  // dispatched while accumulating
	}{
		{"pull: the function is not called", true, 0},
		{"push: the buffer is not sent", false, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var l log
				pl := newPipeline(t, &l)
				src := &count{n: 12}
				var p *stage.Producer[int]
				if tc.pull {
					p = must(stage.NewProducer(pl, src.produce, stage.Demand(stage.Accumulate)))
				} else {
					p = must(stage.NewPushProducer[int](pl, stage.Demand(stage.Accumulate)))
					require.NoError(t, p.Push(upTo(12)...))
					p.Close()
				}
				assert.Equal(t, stage.Accumulate, p.DemandMode())
				var sinks [2]collector
				for i := range sinks {
					c := must(stage.NewConsumer(pl, sinks[i].consume, stage.MaxDemand(4), stage.MinDemand(0)))
					require.NoError(t, c.SubscribeTo(p))
				}
				require.NoError(t, pl.Start(t.Context()))
				synctest.Wait()
				assert.Equal(t, []int{4, 4}, l.ns(event.DemandAsked, -1), "both asked")
				assert.Equal(t, tc.wantSent, l.sum(event.EventsDispatched, -1))
				assert.Empty(t, src.demands, "the function was not called")

				require.NoError(t, p.SetDemand(stage.Forward))
				assert.Equal(t, stage.Forward, p.DemandMode())
				require.NoError(t, pl.Wait())
				assert.Len(t, append(sinks[0].values(), sinks[1].values()...), 12)
				if tc.pull {
					assert.Equal(t, 8, src.demands[0], "the kept demand of both, at once")
				}
			})
		})
	}
}

func TestAccumulateAfterForwardKeepsLaterDemand(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l log
		pl := newPipeline(t, &l)
		p := must(stage.NewPushProducer[int](pl))
		g := newGate()
		c := must(stage.NewConsumer(pl, g.consume, stage.MaxDemand(3), stage.MinDemand(0)))
		require.NoError(t, c.SubscribeTo(p))
		require.NoError(t, pl.Start(t.Context()))
		synctest.Wait()
		require.NoError(t, p.SetDemand(stage.Accumulate))
		require.NoError(t, p.Push(upTo(7)...))
		synctest.Wait()
		assert.Equal(t, 3, l.sum(event.EventsDispatched, -1), "demand forwarded before is served")
		g.release <- struct{}{} // the consumer asks for 3 more: kept
		synctest.Wait()
		assert.Equal(t, 3, l.sum(event.EventsDispatched, -1))
		assert.Equal(t, 4, p.EstimateBufferedCount())
		require.NoError(t, p.SetDemand(stage.Forward))
		synctest.Wait()
		assert.Equal(t, 6, l.sum(event.EventsDispatched, -1))
		p.Close()
		close(g.release)
		require.NoError(t, pl.Wait())
		assert.Equal(t, upTo(7), g.values())
	})
}

func TestSetDemandRefusesAnUnknownMode(t *testing.T) {
	pl := newPipeline(t, nil)
	p := must(stage.NewPushProducer[int](pl))
	err := p.SetDemand(stage.DemandMode(9))
	require.ErrorIs(t, err, stage.ErrInvalidOption)
	assert.ErrorContains(t, err, "demand mode must be Forward or Accumulate, got DemandMode(9)")
	assert.Equal(t, stage.Forward, p.DemandMode(), "unchanged")
	_, err = stage.NewPushProducer[int](pl, stage.Demand(9))
	assert.ErrorContains(t, err, "demand mode must be Forward or Accumulate")
	_, err = stage.NewConsumer(pl, noop, stage.Demand(stage.Accumulate))
	assert.ErrorContains(t, err, "demand mode does not apply to a consumer")
}
