package supervisor_test

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/clock"
	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/supervisor"
)

// On a virtual clock, restarts age out and shutdown times run out in
// virtual time only: the clock moves when stepped, never by itself.
func TestVirtualClock(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		v := clock.NewVirtual()
		var l log
		sup := start(t, supervisor.WithClock(v), supervisor.WithHook(l.hook))
		crash := func(ctx context.Context) error {
			if err := clock.Sleep(ctx, v, time.Second); err != nil {
				return err
			}
			return errFail
		}
		deaf := func(ctx context.Context) error {
			return clock.Sleep(context.Background(), v, time.Hour)
		}
		startChild(t, sup, crash)
		startChild(t, sup, deaf, supervisor.Shutdown(300*time.Millisecond))
		for {
			synctest.Wait()
			if sup.Err() != nil || !v.Step() {
				break
			}
		}
		<-sup.Done()
		assert.ErrorIs(t, sup.Err(), supervisor.ErrMaxIntensity)
		gaveUp := l.kinds(event.SupervisorGaveUp)
		require.Len(t, gaveUp, 1)
		assert.Equal(t, clock.Epoch.Add(4*time.Second), gaveUp[0].Time)
		abandoned := l.kinds(event.ChildAbandoned)
		require.Len(t, abandoned, 1)
		assert.Equal(t, clock.Epoch.Add(4300*time.Millisecond), abandoned[0].Time)
		assert.Equal(t, 4300*time.Millisecond, v.Elapsed())
		for v.Step() { // the abandoned child's hour
			synctest.Wait()
		}
	})
}
