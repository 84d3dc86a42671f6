package limiter_test

import (
	"context"
	"runtime"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/limiter"
)

// §5: a waiter that gives up (timeout or cancelled context) is removed from
// the queue and never granted later.
func TestWaiterThatGivesUpIsNeverGranted(t *testing.T) {
	cases := []struct {
		name  string
		quits int // which of three waiters gives up
		how   string
		want  error
	}{
		{"head cancelled", 0, "cancel", context.Canceled},
		{"middle cancelled", 1, "cancel", context.Canceled},
		{"tail cancelled", 2, "cancel", context.Canceled},
		{"head times out", 0, "deadline", context.DeadlineExceeded},
		{"middle times out", 1, "deadline", context.DeadlineExceeded},
	}
	for _, m := range modes {
		for _, tc := range cases {
			t.Run(m.name+"/"+tc.name, func(t *testing.T) {
				synctest.Test(t, func(t *testing.T) {
					l, _ := newLimiter(t, 1, m.hooked)
					require.NoError(t, l.Acquire(t.Context()))
					var calls []*call
					var cancel context.CancelFunc
					for id := range 3 {
						ctx := t.Context()
						if id == tc.quits {
							if tc.how == "deadline" {
								ctx, cancel = context.WithTimeout(ctx, time.Second)
							} else {
								ctx, cancel = context.WithCancel(ctx)
							}
							defer cancel()
						}
						calls = append(calls, goAcquire(ctx, l, id))
					}
					if tc.how == "deadline" {
						time.Sleep(time.Second)
					} else {
						cancel()
					}
					synctest.Wait()
					ok, err := calls[tc.quits].returned()
					require.True(t, ok, "the waiter left at once")
					assert.ErrorIs(t, err, tc.want)
					assert.Equal(t, limiter.Status{Active: 1, Waiting: 2}, l.Status())

					// Releasing serves the other two in order, never the quitter.
					for id := range 3 {
						if id == tc.quits {
							continue
						}
						l.Release()
						synctest.Wait()
						ok, err := calls[id].returned()
						require.True(t, ok, "waiter %d is next", id)
						require.NoError(t, err)
					}
					l.Release()
					assert.Equal(t, limiter.Status{}, l.Status(), "no slot lost, none granted twice")
				})
			})
		}
	}
}

// The grant and the cancellation coincide: the release hands the slot to a
// waiter whose context is cancelled before it wakes. Whichever its select
// sees first, Acquire reports the cancellation and the slot moves on to the
// next waiter, or is freed when nobody waits.
//
// Hooked, the hook cancels the context at the very moment of the grant
// (under the limiter's lock), so the two always coincide. Plain, the test
// cancels right after Release; GOMAXPROCS(1) keeps the woken waiter from
// running in between, nearly always.
func TestGrantAndCancellationCoincide(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	for _, m := range modes {
		for _, next := range []bool{true, false} {
			name := m.name + "/nobody behind"
			if next {
				name = m.name + "/a waiter behind"
			}
			t.Run(name, func(t *testing.T) {
				const runs = 50
				coincided := 0
				for range runs { // the select's choice is random: try both branches
					synctest.Test(t, func(t *testing.T) {
						ctx, cancel := context.WithCancel(t.Context())
						tr := &trace{}
						var opts []limiter.Option
						if m.hooked {
							opts = append(opts, limiter.WithHook(func(e event.Event) {
								tr.Hook(e)
								if e.Kind == event.Granted && e.ID == 1 {
									cancel()
								}
							}))
						}
						l, err := limiter.New(1, opts...)
						require.NoError(t, err)
						require.NoError(t, l.Acquire(t.Context()))
						first := goAcquire(ctx, l, 1)
						var second *call
						if next {
							second = goAcquire(t.Context(), l, 2)
						}
						l.Release() // grants caller 1 …
						cancel()    // … whose context ends before it runs
						if err := first.wait(); err == nil {
							l.Release() // it ran in between: no coincidence, it holds the slot
						} else {
							require.ErrorIs(t, err, context.Canceled)
							coincided++
						}
						if next {
							require.NoError(t, second.wait(), "the slot moved on")
							assert.Equal(t, limiter.Status{Active: 1}, l.Status())
							l.Release()
						}
						synctest.Wait()
						assert.Equal(t, limiter.Status{}, l.Status(), "no slot lost")
						if m.hooked && next {
							assert.Equal(t, []string{
								"acquired 0 -", "queued 1 -", "queued 2 -", "released - -",
								"granted 1 -", "gave_up 1 -", "released 1 -", "granted 2 -", "released - -",
							}, tr.Steps())
						}
					})
				}
				if m.hooked {
					assert.Equal(t, runs, coincided)
				} else {
					assert.Greater(t, coincided, runs/2, "the race was hardly exercised")
				}
				t.Logf("%d of %d runs coincided", coincided, runs)
			})
		}
	}
}

func TestCancelledWaitersLeaveTheQueueEmpty(t *testing.T) {
	// Once the last waiter leaves, a release frees the slot and a newcomer
	// may take it at once (the queued mark is cleared).
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				l, _ := newLimiter(t, 1, m.hooked)
				require.NoError(t, l.Acquire(t.Context()))
				ctx, cancel := context.WithCancel(t.Context())
				w := goAcquire(ctx, l, 1)
				cancel()
				require.ErrorIs(t, w.wait(), context.Canceled)
				assert.Equal(t, limiter.Status{Active: 1}, l.Status())
				assert.False(t, l.TryAcquire())
				l.Release()
				assert.True(t, l.TryAcquire())
				l.Release()
			})
		})
	}
}
