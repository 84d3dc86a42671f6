package stage_test

import (
	"context"
	"errors"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/stage"
)

func TestStreamReadsEveryEventInOrder(t *testing.T) {
	cases := []struct {
		name string
		n    int
		opts []stage.Option
	}{
		{"defaults", 2500, nil},
		{"max 1", 7, []stage.Option{stage.MaxDemand(1)}},
		{"max 10, min 3", 95, []stage.Option{stage.MaxDemand(10), stage.MinDemand(3)}},
		{"no events", 0, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var l log
				pl := newPipeline(t, &l)
				p := must(stage.NewPushProducer[int](pl))
				require.NoError(t, p.Push(upTo(tc.n)...))
				p.Close()
				s := must(stage.NewStream[int](pl, tc.opts...))
				require.NoError(t, s.SubscribeTo(p))
				require.NoError(t, pl.Start(t.Context()))
				got := []int{}
				for v := range s.All() {
					got = append(got, v)
				}
				require.NoError(t, pl.Wait())
				assert.Equal(t, upTo(tc.n), got)
				max := stage.DefaultMaxDemand
				if len(tc.opts) > 0 {
					max = map[int]int{7: 1, 95: 10}[tc.n]
				}
				assert.LessOrEqual(t, l.sum(event.DemandAsked, s.ID())-len(got), max, "never asked beyond max ahead of the loop")
			})
		})
	}
}

func TestStreamDemandFollowsTheLoop(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l log
		pl := newPipeline(t, &l)
		src := &count{n: 40}
		p := must(stage.NewProducer(pl, src.produce))
		s := must(stage.NewStream[int](pl, stage.MaxDemand(4), stage.MinDemand(2)))
		require.NoError(t, s.SubscribeTo(p))
		require.NoError(t, pl.Start(t.Context()))
		read := 0
		for range s.All() {
			read++
			synctest.Wait() // let demand settle while the loop holds an event
			asked := l.sum(event.DemandAsked, s.ID())
			assert.LessOrEqual(t, asked, read+4, "at most max beyond what the loop took")
		}
		require.NoError(t, pl.Wait())
		assert.Equal(t, 40, read)
	})
}

func TestStreamLoopEndingEarlyStopsThePipeline(t *testing.T) {
	cases := []struct {
		name  string
		after int  // events read before the loop ends
		panic bool // the loop panics instead of breaking
	}{
		{"break at once", 0, false},
		{"break in a call", 3, false},
		{"break at a call's end", 5, false},
		{"panic in the loop", 2, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var l log
				pl := newPipeline(t, &l)
				src := &count{n: 1000}
				p := must(stage.NewProducer(pl, src.produce))
				s := must(stage.NewStream[int](pl, stage.MaxDemand(10), stage.MinDemand(5)))
				require.NoError(t, s.SubscribeTo(p))
				require.NoError(t, pl.Start(t.Context()))
				read := 0
				func() {
					defer func() {
						r := recover()
						assert.Equal(t, tc.panic, r != nil, "the loop's panic reaches its caller")
					}()
					for range s.All() {
						if read == tc.after {
							if tc.panic {
								panic("boom")
							}
							break
						}
						read++
					}
				}()
				err := pl.Wait()
				require.ErrorIs(t, err, stage.ErrHalted)
				var se *stage.Error
				require.ErrorAs(t, err, &se)
				assert.Equal(t, s.ID(), se.Stage)
				st := pl.Stats()
				assert.Equal(t, st.Received+st.Produced, st.Sent+st.Handled+st.Failed+st.Dropped+st.Discarded, "every event accounted for: %+v", st)
				assert.Empty(t, slicesAfter(l.ns(event.EventsProcessed, s.ID()), read), "nothing handled after the loop ended")
			})
		})
	}
}

// slicesAfter returns the handled counts beyond the first total events.
func slicesAfter(calls []int, total int) []int {
	for i, n := range calls {
		total -= n
		if total < 0 {
			return calls[i:]
		}
	}
	return nil
}

func TestStreamEndsWhenThePipelineFails(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		pl := newPipeline(t, nil)
		boom := errors.New("boom")
		made := 0
		p := must(stage.NewProducer(pl, func(ctx context.Context, demand int) ([]int, error) {
			if made == 6 {
				return nil, boom
			}
			made += 2
			return []int{made - 2, made - 1}, nil
		}))
		s := must(stage.NewStream[int](pl, stage.MaxDemand(2), stage.MinDemand(0)))
		require.NoError(t, s.SubscribeTo(p))
		require.NoError(t, pl.Start(t.Context()))
		var got []int
		for v := range s.All() {
			got = append(got, v)
		}
		require.ErrorIs(t, pl.Wait(), boom)
		assert.Equal(t, upTo(len(got)), got, "what was read came in order")
	})
}

func TestStreamMisuse(t *testing.T) {
	pl := newPipeline(t, nil)
	_, err := stage.NewStream[int](pl, stage.HandleFailed(func(context.Context, []int, error) {}))
	assert.ErrorContains(t, err, "HandleFailed does not apply to a stream")
	_, err = stage.NewStream[int](pl, stage.BufferSize(3))
	assert.ErrorContains(t, err, "buffer size does not apply to a stream")
	assert.PanicsWithValue(t, "stage: zero Stream; make one with stage.NewStream", func() { (&stage.Stream[int]{}).All() })

	synctest.Test(t, func(t *testing.T) {
		pl := newPipeline(t, nil)
		p := must(stage.NewPushProducer[int](pl))
		p.Close()
		s := must(stage.NewStream[int](pl))
		require.NoError(t, s.SubscribeTo(p))
		require.NoError(t, pl.Start(t.Context()))
		for range s.All() {
		}
		assert.PanicsWithValue(t, "stage: Stream.All ranged over twice; a stream has one reader", func() {
			for range s.All() {
			}
		})
		require.NoError(t, pl.Wait())
	})
}
