package limiter_test

import (
	"context"
	"strconv"
	"sync"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/limiter"
)

// §5: acquire is granted while active < max; otherwise the caller waits.
func TestAcquireIsGrantedWhileBelowMax(t *testing.T) {
	for _, m := range modes {
		for _, max := range []int{1, 3} {
			t.Run(m.name+"/max="+strconv.Itoa(max), func(t *testing.T) {
				synctest.Test(t, func(t *testing.T) {
					l, _ := newLimiter(t, max, m.hooked)
					for i := range max {
						require.NoError(t, l.Acquire(t.Context()), "caller %d finds a free slot", i)
					}
					assert.Equal(t, limiter.Status{Active: max}, l.Status())
					over := goAcquire(t.Context(), l, max)
					ok, _ := over.returned()
					assert.False(t, ok, "caller max+1 waits")
					assert.Equal(t, limiter.Status{Active: max, Waiting: 1}, l.Status())
					l.Release()
					require.NoError(t, over.wait())
					for range max {
						l.Release()
					}
					assert.Equal(t, limiter.Status{}, l.Status())
				})
			})
		}
	}
}

// §5: waiters are served in the order they arrived.
func TestWaitersAreGrantedInArrivalOrder(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				l, _ := newLimiter(t, 2, m.hooked)
				require.NoError(t, l.Acquire(t.Context()))
				require.NoError(t, l.Acquire(t.Context()))
				var mu sync.Mutex
				var order []int
				var wg sync.WaitGroup
				for id := range 8 {
					wg.Go(func() {
						err := l.Do(limiter.WithCaller(t.Context(), id), func(context.Context) error {
							mu.Lock()
							order = append(order, id)
							mu.Unlock()
							return nil
						})
						assert.NoError(t, err)
					})
					synctest.Wait() // id is queued before id+1 arrives
				}
				assert.Equal(t, 8, l.Status().Waiting)
				l.Release() // the slot passes from waiter to waiter
				wg.Wait()
				assert.Equal(t, []int{0, 1, 2, 3, 4, 5, 6, 7}, order)
				l.Release()
				assert.Equal(t, limiter.Status{}, l.Status())
			})
		})
	}
}

// §5: release hands the slot straight to the head of the queue; a newcomer
// arriving between the release and the waiter waking never takes it.
func TestReleaseHandsTheSlotToTheHead(t *testing.T) {
	newcomers := []struct {
		name string
		try  func(*testing.T, *limiter.Limiter) *call
	}{
		{"TryAcquire", func(t *testing.T, l *limiter.Limiter) *call {
			assert.False(t, l.TryAcquire(), "the slot is the waiter's")
			return nil
		}},
		{"Acquire", func(t *testing.T, l *limiter.Limiter) *call {
			return goAcquire(t.Context(), l, 2)
		}},
	}
	for _, m := range modes {
		for _, nc := range newcomers {
			t.Run(m.name+"/"+nc.name, func(t *testing.T) {
				synctest.Test(t, func(t *testing.T) {
					l, _ := newLimiter(t, 1, m.hooked)
					require.NoError(t, l.Acquire(t.Context()))
					head := goAcquire(t.Context(), l, 1)
					l.Release()
					assert.Equal(t, limiter.Status{Active: 1}, l.Status(), "handed over, not freed")
					newcomer := nc.try(t, l) // before the head has even woken
					require.NoError(t, head.wait())
					if newcomer != nil {
						ok, _ := newcomer.returned()
						assert.False(t, ok, "the newcomer queues behind")
						l.Release()
						require.NoError(t, newcomer.wait())
					}
					l.Release()
					assert.Equal(t, limiter.Status{}, l.Status())
				})
			})
		}
	}
}

// §5: a non-blocking acquire reports "full".
func TestTryAcquire(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			l, _ := newLimiter(t, 2, m.hooked)
			assert.True(t, l.TryAcquire())
			assert.True(t, l.TryAcquire())
			assert.False(t, l.TryAcquire(), "full")
			assert.Equal(t, limiter.Status{Active: 2}, l.Status())
			l.Release()
			assert.True(t, l.TryAcquire())
			l.Release()
			l.Release()
			assert.Equal(t, limiter.Status{}, l.Status())
		})
	}
}

// §5: release without acquire is a programming error.
func TestReleaseWithoutAcquirePanics(t *testing.T) {
	cases := []struct {
		name  string
		setup func(*testing.T, *limiter.Limiter)
	}{
		{"never acquired", func(*testing.T, *limiter.Limiter) {}},
		{"released twice", func(t *testing.T, l *limiter.Limiter) {
			require.NoError(t, l.Acquire(t.Context()))
			l.Release()
		}},
		{"only Do holds a slot", func(t *testing.T, l *limiter.Limiter) {
			// a slot held by Do is Do's to give back
			go func() {
				_ = l.Do(t.Context(), func(ctx context.Context) error { <-ctx.Done(); return nil })
			}()
			synctest.Wait()
		}},
	}
	for _, m := range modes {
		for _, tc := range cases {
			t.Run(m.name+"/"+tc.name, func(t *testing.T) {
				synctest.Test(t, func(t *testing.T) {
					l, _ := newLimiter(t, 2, m.hooked)
					tc.setup(t, l)
					before := l.Status()
					assert.PanicsWithValue(t, "limiter: Release without a matching Acquire", l.Release)
					assert.Equal(t, before, l.Status(), "the panic changed nothing")
				})
			})
		}
	}
}

func TestAlreadyDoneContextFailsEvenWhenASlotIsFree(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			l, _ := newLimiter(t, 1, m.hooked)
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			assert.ErrorIs(t, l.Acquire(ctx), context.Canceled)
			ran := false
			assert.ErrorIs(t, l.Do(ctx, func(context.Context) error { ran = true; return nil }), context.Canceled)
			assert.False(t, ran)
			assert.Equal(t, limiter.Status{}, l.Status())
		})
	}
}

func TestAnyGoroutineMayRelease(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l, _ := newLimiter(t, 1, false)
		require.NoError(t, l.Acquire(t.Context()))
		done := make(chan struct{})
		go func() { l.Release(); close(done) }()
		<-done
		assert.Equal(t, limiter.Status{}, l.Status())
	})
}
