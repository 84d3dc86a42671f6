package pool_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/internal/eventtest"
	"github.com/concurrency-patterns/playground/patterns/pool"
)

// conn is the worker of these tests.
type conn struct{ n int }

// factory makes conns, numbered from 0, and records which it destroyed.
type factory struct {
	mu         sync.Mutex
	made       int
	destroyed  map[int]int // conn number → times destroyed
	failAt     map[int]error
	live, peak int
}

var errDial = errors.New("dial failed")

func newFactory() *factory { return &factory{destroyed: map[int]int{}, failAt: map[int]error{}} }

func (f *factory) create(ctx context.Context) (*conn, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := f.made
	f.made++
	if err := f.failAt[n]; err != nil {
		return nil, err
	}
	f.live++
	f.peak = max(f.peak, f.live)
	return &conn{n: n}, nil
}

func (f *factory) destroy(c *conn) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.destroyed[c.n]++
	f.live--
}

func (f *factory) counts() (made, destroyed, live int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, k := range f.destroyed {
		n += k
	}
	return f.made, n, f.live
}

// trace records a hooked pool's events.
type trace = eventtest.Log

func newPool(t *testing.T, f *factory, opts ...pool.Option) (*pool.Pool[*conn], *trace) {
	t.Helper()
	tr := &trace{}
	p, err := pool.New(t.Context(), f.create, f.destroy, append([]pool.Option{pool.WithHook(tr.Hook)}, opts...)...)
	require.NoError(t, err)
	return p, tr
}

// checkout is a Checkout running in its own goroutine.
type checkout struct {
	done chan struct{}
	w    *pool.Worker[*conn]
	err  error
}

// goCheckout starts caller id's Checkout and waits until it has returned or
// blocked, so that callers queue in the order they are started.
func goCheckout(ctx context.Context, p *pool.Pool[*conn], id int) *checkout {
	c := &checkout{done: make(chan struct{})}
	go func() {
		defer close(c.done)
		c.w, c.err = p.Checkout(pool.WithCaller(ctx, id))
	}()
	synctest.Wait()
	return c
}

func (c *checkout) returned() bool {
	select {
	case <-c.done:
		return true
	default:
		return false
	}
}

func (c *checkout) wait() (*pool.Worker[*conn], error) {
	<-c.done
	return c.w, c.err
}

// take checks n workers out at once, without waiting, and returns them.
func take(t *testing.T, p *pool.Pool[*conn], n int) []*pool.Worker[*conn] {
	t.Helper()
	ws := make([]*pool.Worker[*conn], n)
	for i := range ws {
		w, err := p.TryCheckout(t.Context())
		require.NoError(t, err, "worker %d", i)
		ws[i] = w
	}
	return ws
}

func lanesOf(ws ...*pool.Worker[*conn]) []int {
	out := make([]int, len(ws))
	for i, w := range ws {
		out[i] = w.Lane()
	}
	return out
}
