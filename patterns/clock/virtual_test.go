package clock_test

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/clock"
)

func TestVirtualStepFiresInDeadlineOrder(t *testing.T) {
	v := clock.NewVirtual()
	var fired []string
	v.AfterFunc(30*time.Millisecond, func() { fired = append(fired, "c") })
	v.AfterFunc(10*time.Millisecond, func() { fired = append(fired, "a") })
	v.AfterFunc(10*time.Millisecond, func() { fired = append(fired, "b") })
	stop := v.AfterFunc(20*time.Millisecond, func() { fired = append(fired, "stopped") })
	assert.True(t, stop.Stop())
	assert.False(t, stop.Stop(), "already stopped")

	require.True(t, v.Step())
	assert.Equal(t, []string{"a", "b"}, fired, "equal deadlines fire in the order set")
	assert.Equal(t, 10*time.Millisecond, v.Elapsed())
	require.True(t, v.Step())
	assert.Equal(t, []string{"a", "b", "c"}, fired)
	assert.False(t, v.Step(), "nothing left")
	assert.Equal(t, 30*time.Millisecond, v.Elapsed())
}

func TestVirtualChannelTimersFireBeforeCallbacksAtATie(t *testing.T) {
	v := clock.NewVirtual()
	var fired []string
	v.AfterFunc(10*time.Millisecond, func() { fired = append(fired, "callback") })
	timer := v.NewTimer(10 * time.Millisecond)
	require.True(t, v.Step())
	select {
	case at := <-timer.C():
		assert.Equal(t, clock.Epoch.Add(10*time.Millisecond), at)
	default:
		t.Fatal("the channel timer did not fire first")
	}
	assert.Empty(t, fired)
	require.True(t, v.Step())
	assert.Equal(t, []string{"callback"}, fired)
	assert.Equal(t, 10*time.Millisecond, v.Elapsed())
}

func TestVirtualResetMovesATimer(t *testing.T) {
	v := clock.NewVirtual()
	n := 0
	tm := v.AfterFunc(10*time.Millisecond, func() { n++ })
	assert.True(t, tm.Reset(50*time.Millisecond), "was active")
	v.Advance(40 * time.Millisecond)
	assert.Zero(t, n)
	v.Advance(10 * time.Millisecond)
	assert.Equal(t, 1, n)
	assert.False(t, tm.Reset(5*time.Millisecond), "had fired")
	assert.Equal(t, 1, v.Pending())
	v.Advance(5 * time.Millisecond)
	assert.Equal(t, 2, n)
	assert.Nil(t, tm.C(), "AfterFunc timers have no channel")
}

func TestVirtualNegativeDurationFiresNow(t *testing.T) {
	v := clock.NewVirtual()
	tm := v.NewTimer(-time.Second)
	require.True(t, v.Step())
	<-tm.C()
	assert.Zero(t, v.Elapsed())
}

func TestSleep(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		v := clock.NewVirtual()
		ctx, cancel := context.WithCancel(t.Context())
		errs := make(chan error, 2)
		go func() { errs <- clock.Sleep(ctx, v, time.Second) }()
		go func() { errs <- clock.Sleep(t.Context(), v, 2*time.Second) }()
		synctest.Wait()
		assert.Equal(t, 2, v.Pending())
		require.True(t, v.Step())
		assert.NoError(t, <-errs)
		cancel()
		// the 2 s sleeper is unaffected by the first one's context
		require.True(t, v.Step())
		assert.NoError(t, <-errs)
		assert.Equal(t, 2*time.Second, v.Elapsed())
	})
}

func TestSleepCancelled(t *testing.T) {
	v := clock.NewVirtual()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	assert.ErrorIs(t, clock.Sleep(ctx, v, time.Hour), context.Canceled)
	assert.Zero(t, v.Pending(), "the timer was stopped")
}

func TestRealClock(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		c := clock.Or(nil)
		start := c.Now()
		require.NoError(t, clock.Sleep(t.Context(), c, time.Minute))
		assert.Equal(t, time.Minute, c.Now().Sub(start))
		done := make(chan struct{})
		c.AfterFunc(time.Second, func() { close(done) })
		<-done
	})
}

func TestVirtualStepUpToSplitsAnInstant(t *testing.T) {
	v := clock.NewVirtual()
	var fired []string
	v.AfterFunc(10*time.Millisecond, func() { fired = append(fired, "callback") })
	a := v.NewTimer(10 * time.Millisecond)
	b := v.NewTimer(10 * time.Millisecond)
	c := v.NewTimer(10 * time.Millisecond)
	ready := func(tm clock.Timer) bool {
		select {
		case <-tm.C():
			return true
		default:
			return false
		}
	}

	require.True(t, v.StepUpTo(2))
	assert.Equal(t, []bool{true, true, false}, []bool{ready(a), ready(b), ready(c)}, "the first two, in the order set")
	assert.Empty(t, fired, "callbacks wait for every channel timer of the instant")
	assert.True(t, c.Stop(), "a timer left for the next step can still be stopped")

	require.True(t, v.StepUpTo(2))
	assert.Equal(t, []string{"callback"}, fired)
	assert.Equal(t, 10*time.Millisecond, v.Elapsed(), "all at one instant")
	assert.False(t, v.StepUpTo(2), "nothing left")
}

func TestVirtualStepUpToLimitsCallbacks(t *testing.T) {
	v := clock.NewVirtual()
	n := 0
	for range 5 {
		v.AfterFunc(time.Millisecond, func() { n++ })
	}
	var counts []int
	for v.StepUpTo(2) {
		counts = append(counts, n)
	}
	assert.Equal(t, []int{2, 4, 5}, counts)
}

// TestVirtualStepRacesNoReset: a goroutine woken by one timer of an instant
// may reset the next timer of that instant while the step still fires it;
// under -race, the step reads nothing the reset writes.
func TestVirtualStepRacesNoReset(t *testing.T) {
	v := clock.NewVirtual()
	a := v.NewTimer(10 * time.Millisecond)
	b := v.NewTimer(10 * time.Millisecond)
	done := make(chan struct{})
	go func() {
		defer close(done)
		<-a.C()
		b.Reset(5 * time.Millisecond)
	}()
	require.True(t, v.Step())
	<-done
	assert.Equal(t, 10*time.Millisecond, v.Elapsed())
}

// On the real clock a sleep of nothing returns at once, or the context's
// error.
func TestSleepNothing(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		began := time.Now()
		require.NoError(t, clock.Sleep(t.Context(), clock.Real(), 0))
		require.NoError(t, clock.Sleep(t.Context(), clock.Real(), -time.Second))
		assert.Zero(t, time.Since(began))
		ctx, cancel := context.WithCancel(t.Context())
		cancel()
		assert.ErrorIs(t, clock.Sleep(ctx, clock.Real(), 0), context.Canceled)
	})
}
