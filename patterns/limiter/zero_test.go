package limiter_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/concurrency-patterns/playground/patterns/limiter"
)

// A zero Limiter has no bound to enforce: its first call, whichever it is,
// panics with a message that names the constructor.
func TestAZeroLimiterIsRejectedAtItsFirstCall(t *testing.T) {
	const want = "limiter: use of a zero Limiter; create one with limiter.New"
	done, cancel := context.WithCancel(t.Context())
	cancel()
	calls := map[string]func(*limiter.Limiter){
		"Acquire":                 func(l *limiter.Limiter) { _ = l.Acquire(t.Context()) },
		"Acquire with a done ctx": func(l *limiter.Limiter) { _ = l.Acquire(done) },
		"TryAcquire":              func(l *limiter.Limiter) { l.TryAcquire() },
		"Release":                 func(l *limiter.Limiter) { l.Release() },
		"Do":                      func(l *limiter.Limiter) { _ = l.Do(t.Context(), func(context.Context) error { return nil }) },
		"Do with a done ctx":      func(l *limiter.Limiter) { _ = l.Do(done, func(context.Context) error { return nil }) },
		"Status":                  func(l *limiter.Limiter) { l.Status() },
		"Max":                     func(l *limiter.Limiter) { l.Max() },
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			var l limiter.Limiter
			assert.PanicsWithValue(t, want, func() { call(&l) })
		})
	}
}
