package pool_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/concurrency-patterns/playground/patterns/pool"
)

// A zero Pool has no constructor: its first call, whichever it is, panics
// with a message that names the constructor to use.
func TestAZeroPoolIsRejectedAtItsFirstCall(t *testing.T) {
	const want = "pool: use of a zero Pool; create one with pool.New"
	calls := map[string]func(*pool.Pool[*conn]){
		"Checkout":    func(p *pool.Pool[*conn]) { _, _ = p.Checkout(t.Context()) },
		"TryCheckout": func(p *pool.Pool[*conn]) { _, _ = p.TryCheckout(t.Context()) },
		"Transaction": func(p *pool.Pool[*conn]) {
			_ = p.Transaction(t.Context(), func(context.Context, *conn) error { return nil })
		},
		"Checkin": func(p *pool.Pool[*conn]) { p.Checkin(nil) },
		"Discard": func(p *pool.Pool[*conn]) { p.Discard(nil, nil) },
		"Status":  func(p *pool.Pool[*conn]) { p.Status() },
		"Close":   func(p *pool.Pool[*conn]) { p.Close() },
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			var p pool.Pool[*conn]
			assert.PanicsWithValue(t, want, func() { call(&p) })
		})
	}
}
