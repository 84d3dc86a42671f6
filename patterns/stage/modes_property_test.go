package stage_test

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/stage"
)

// TestRandomModesAndStreams pushes random events through a producer whose
// demand mode is switched at random, with a random buffer kept first or
// last, into a stream that may stop reading early, and checks what must
// always hold: no event is sent while the producer accumulates demand it
// had not forwarded, the stream never gets more than it asked for, it
// reads nothing after its loop ends, and every event is accounted for.
func TestRandomModesAndStreams(t *testing.T) {
	for seed := range 200 {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) { randomModes(t, uint64(seed)) })
		})
	}
}

func randomModes(t *testing.T, seed uint64) {
	r := rand.New(rand.NewPCG(seed, 7))
	var l log
	pl := newPipeline(t, &l)
	keep := []stage.Keep{stage.KeepLast, stage.KeepFirst}[r.IntN(2)]
	mode := []stage.DemandMode{stage.Forward, stage.Accumulate}[r.IntN(2)]
	p := must(stage.NewPushProducer[int](pl, stage.BufferSize(r.IntN(20)), stage.BufferKeep(keep), stage.Demand(mode)))
	maxD := 1 + r.IntN(12)
	s := must(stage.NewStream[int](pl, stage.MaxDemand(maxD), stage.MinDemand(r.IntN(maxD))))
	require.NoError(t, s.SubscribeTo(p))
	require.NoError(t, pl.Start(t.Context()))

	stopAt := -1 // read all
	if r.IntN(3) == 0 {
		stopAt = r.IntN(40)
	}
	next := 0
	push := func(k int) {
		err := p.Push(upTo(next + k)[next:]...)
		next += k
		if err != nil && stopAt >= 0 { // the loop ended: the pipeline stopped
			require.ErrorIs(t, err, stage.ErrStopped)
			return
		}
		require.NoError(t, err)
	}
	step := func() {
		k := 1 + r.IntN(8)
		if r.IntN(3) > 0 {
			push(k)
			return
		}
		require.NoError(t, p.SetDemand(stage.Accumulate))
		forwarded := l.sum(event.DemandAsked, -1) // demand asked later is kept
		push(k)
		synctest.Wait()
		assert.LessOrEqual(t, l.sum(event.EventsDispatched, -1), forwarded, "events sent for demand kept back")
		require.NoError(t, p.SetDemand(stage.Forward))
	}
	read, broke := []int{}, false
	done := make(chan struct{})
	go func() {
		defer close(done)
		for v := range s.All() {
			if len(read) == stopAt {
				broke = true
				break
			}
			read = append(read, v)
		}
	}()
	for range 1 + r.IntN(12) {
		step()
		synctest.Wait()
	}
	require.NoError(t, p.SetDemand(stage.Forward))
	p.Close()
	<-done
	err := pl.Wait()
	if !broke {
		require.NoError(t, err)
	} else {
		require.ErrorIs(t, err, stage.ErrHalted)
	}

	assert.LessOrEqual(t, l.sum(event.EventsDispatched, s.ID()), l.sum(event.DemandAsked, s.ID()), "sent more than asked")
	handled := l.sum(event.EventsProcessed, s.ID())
	assert.LessOrEqual(t, handled, len(read), "handled beyond what the loop read")
	for i := 1; i < len(read); i++ {
		assert.Less(t, read[i-1], read[i], "in order")
	}
	st := pl.Stats()
	assert.Equal(t, st.Received+st.Produced, st.Sent+st.Handled+st.Failed+st.Dropped+st.Discarded, "accounted for: %+v", st)
	assert.Zero(t, p.EstimateBufferedCount(), "the buffer is empty at the end")
}
