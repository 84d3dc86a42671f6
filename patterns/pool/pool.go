package pool

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/concurrency-patterns/playground/internal/lanes"
	"github.com/concurrency-patterns/playground/patterns/clock"
	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/internal/fifo"
	"github.com/concurrency-patterns/playground/patterns/internal/report"
	"github.com/concurrency-patterns/playground/patterns/task"
)

// Errors a checkout reports. Test them with errors.Is.
var (
	// ErrFull: TryCheckout found every worker checked out and no room for
	// an overflow worker (poolboy's full).
	ErrFull = errors.New("pool: full")
	// ErrTimeout: Checkout waited its whole timeout. It wraps
	// task.ErrTimeout.
	ErrTimeout = fmt.Errorf("pool: checkout timed out: %w", task.ErrTimeout)
	// ErrClosed: the pool was closed.
	ErrClosed = errors.New("pool: closed")
	// ErrBroken is for a Transaction's function to return or panic with
	// (wrapped or not) when its worker is no longer fit for use, as when
	// a poolboy worker process dies: the worker is then discarded and
	// replaced at once instead of checked in.
	ErrBroken = errors.New("pool: worker broken")
)

// Pool lends workers to callers, the Go counterpart of poolboy. It keeps
// Size workers, creates up to MaxOverflow more when all are checked out,
// and makes callers wait in FIFO order beyond that. Create one with [New]:
// a zero Pool has no constructor, and every method of one panics with a
// message that says so. A Pool is safe for concurrent use.
type Pool[W any] struct {
	create      func(context.Context) (W, error)
	destroy     func(W)
	size        int
	maxOverflow int
	strategy    Strategy
	timeout     time.Duration
	clock       clock.Clock
	hook        event.Hook
	events      report.To

	mu      sync.Mutex
	idle    idle[W]
	live    int // workers that exist or are being created
	out     int // workers checked out
	lanes   lanes.Lanes
	waiting fifo.Queue[waiter[W], *waiter[W]] // callers waiting for a worker, in arrival order
	seq     int                               // the next number for a caller without an id, when hooked
	closed  bool

	// base is what the pool creates a replacement with when nobody waits:
	// New's context without its deadline or cancellation, cancelled by
	// Close, so a constructor that honours it stops with the pool.
	base context.Context
	stop context.CancelFunc
}

// New starts a pool whose workers create makes and destroy (which may be
// nil) disposes of. It creates the pool's Size workers at once, with ctx,
// as poolboy does; if one fails, those already made are destroyed and the
// error is returned. The replacements the pool makes for dead workers get
// ctx's values but not its deadline, and are cancelled by [Pool.Close]. Every invalid option is reported, each wrapping
// [ErrInvalidOption].
func New[W any](ctx context.Context, create func(context.Context) (W, error), destroy func(W), opts ...Option) (*Pool[W], error) {
	cfg := defaults()
	for _, opt := range opts {
		opt(&cfg)
	}
	if create == nil {
		cfg.invalid("nil constructor")
	}
	if cfg.size == 0 && cfg.maxOverflow == 0 {
		cfg.invalid("size and max overflow are both 0: the pool could never lend a worker")
	}
	if err := errors.Join(cfg.errs...); err != nil {
		return nil, err
	}
	if destroy == nil {
		destroy = func(W) {}
	}
	p := &Pool[W]{
		create: create, destroy: destroy,
		size: cfg.size, maxOverflow: cfg.maxOverflow, strategy: cfg.strategy,
		timeout: cfg.timeout, clock: cfg.clock, hook: cfg.hook, events: report.New(cfg.hook, cfg.clock),
	}
	p.base, p.stop = context.WithCancel(context.WithoutCancel(ctx))
	if err := p.fill(ctx); err != nil {
		p.stop()
		return nil, err
	}
	return p, nil
}

// fill creates the pool's first Size workers, in lane order, and makes
// them idle so that the first checkout gets lane 0.
func (p *Pool[W]) fill(ctx context.Context) error {
	made := make([]*Worker[W], 0, p.size)
	ok := false
	defer func() {
		if !ok { // an error, or create panicked
			p.destroyAll(made)
		}
	}()
	for lane := range p.size {
		p.emitLocked(event.WorkerStarted, -1, lane, lane+1, nil)
		v, err := p.create(ctx)
		if err != nil {
			p.emitLocked(event.StartFailed, -1, lane, 0, err)
			return fmt.Errorf("pool: starting worker %d of %d: %w", lane+1, p.size, err)
		}
		made = append(made, &Worker[W]{pool: p, value: v, lane: lane})
	}
	ok = true
	p.mu.Lock()
	defer p.mu.Unlock()
	p.live = p.size
	for range p.size {
		p.lanes.Take()
	}
	for i := range made {
		if p.strategy == LIFO { // the back is taken first
			p.idle.PushBack(made[len(made)-1-i])
		} else {
			p.idle.PushBack(made[i])
		}
	}
	return nil
}

// destroyAll destroys the workers New made before one failed, even if
// destructors panic; their panics go on once all are done.
func (p *Pool[W]) destroyAll(ws []*Worker[W]) {
	if len(ws) == 0 {
		return
	}
	defer p.destroyAll(ws[1:])
	p.destroy(ws[0].value)
}

// Close stops lending: idle workers are destroyed now, checked-out ones
// when they come back, waiters fail with [ErrClosed], and so does every
// later checkout, including one whose worker was being created. Status
// then reports [Closed]. Close does not wait for checked-out workers.
// Calling it again does nothing. If a destructor panics, Close still
// destroys the other idle workers, and then the panic goes on.
func (p *Pool[W]) Close() {
	p.mustBeMade()
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return
	}
	p.closed = true
	p.stop()
	var stopped []*Worker[W]
	for w := p.idle.take(FIFO); w != nil; w = p.idle.take(FIFO) {
		stopped = append(stopped, w)
	}
	for wt := p.waiting.Pop(); wt != nil; wt = p.waiting.Pop() {
		p.failWaiter(wt, ErrClosed, ErrClosed)
		close(wt.ready)
	}
	p.mu.Unlock()
	p.retireAll(stopped)
}

// errZero is the panic value of a call on a zero Pool.
const errZero = "pool: use of a zero Pool; create one with pool.New"

// mustBeMade rejects a zero Pool, which has no constructor.
func (p *Pool[W]) mustBeMade() {
	if p.create == nil {
		panic(errZero)
	}
}

// forget takes a destroyed worker out of the pool's count for good because
// the pool is closed. p.mu must be held.
func (p *Pool[W]) forget(w *Worker[W]) {
	p.emit(event.WorkerStopped, -1, w.lane, 0, nil)
	p.lanes.Free(w.lane)
	p.live--
}

type callerKey struct{}

// WithCaller returns a context that names its caller id in the pool's
// events, so a trace can follow one caller from queue to check-in. Without
// it, a hooked pool numbers callers 0, 1, 2, … in the order they arrive; do
// not mix the two. The id costs nothing when no hook is set.
func WithCaller(ctx context.Context, id int) context.Context {
	return context.WithValue(ctx, callerKey{}, id)
}

// caller returns the id of the caller behind ctx, or the next sequence
// number; -1 without a hook. p.mu must be held.
func (p *Pool[W]) caller(ctx context.Context) int {
	if p.hook == nil {
		return -1
	}
	if id, ok := ctx.Value(callerKey{}).(int); ok {
		return id
	}
	id := p.seq
	p.seq++
	return id
}

// emit reports a step. p.mu must be held, so that events come in the order
// the steps took effect.
func (p *Pool[W]) emit(k event.Kind, id, slot, n int, err error) {
	p.events.Emit(k, id, slot, n, err)
}

// emitLocked is emit for a caller that does not hold p.mu; without a hook
// it takes no lock.
func (p *Pool[W]) emitLocked(k event.Kind, id, slot, n int, err error) {
	if p.events.On() {
		p.mu.Lock()
		p.emit(k, id, slot, n, err)
		p.mu.Unlock()
	}
}
