package limiter

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"

	"github.com/concurrency-patterns/playground/patterns/clock"
	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/internal/fifo"
	"github.com/concurrency-patterns/playground/patterns/internal/report"
)

// ErrFull is the reason a [event.GaveUp] event carries when [Limiter.TryAcquire]
// found no free slot. TryAcquire itself reports it as false.
var ErrFull = errors.New("limiter: no free slot")

// The panic values of misuse.
const (
	errReleaseUnheld = "limiter: Release without a matching Acquire"
	errZero          = "limiter: use of a zero Limiter; create one with limiter.New"
)

// Limiter lets at most max callers hold a slot at once; the others wait in
// a strict FIFO queue. Create one with [New]: the zero value has no bound,
// and every method of a zero Limiter panics with a message that says so.
// A Limiter is safe for concurrent use.
type Limiter struct {
	state  atomic.Uint64 // active, anon and queued; see state.go
	max    uint64
	clock  clock.Clock
	hook   event.Hook // when set, every step takes mu so that events come in order
	events report.To

	mu    sync.Mutex
	queue fifo.Queue[waiter, *waiter] // callers waiting for a slot, in arrival order
	freed []int                       // slot numbers given back by Do callers, reused last in first out (hooked only)
	fresh int                         // slot numbers from fresh up to max-1 have never been used (hooked only)
	seq   int                         // the next number for a caller without an id (hooked only)
}

// New returns a limiter that lets max callers hold a slot at once. max must
// be positive (and fit in 31 bits); every problem is reported in one error
// wrapping [ErrInvalidOption].
func New(max int, opts ...Option) (*Limiter, error) {
	cfg := config{clock: clock.Real()}
	if max <= 0 {
		cfg.invalid("max must be positive, got %d", max)
	}
	if max > maxLimit {
		cfg.invalid("max must be at most %d, got %d", maxLimit, max)
	}
	for _, opt := range opts {
		opt(&cfg)
	}
	if err := errors.Join(cfg.errs...); err != nil {
		return nil, err
	}
	return &Limiter{max: uint64(max), clock: cfg.clock, hook: cfg.hook, events: report.New(cfg.hook, cfg.clock)}, nil
}

// Status is a snapshot of a limiter.
type Status struct {
	Active  int // slots held
	Waiting int // callers in the queue
}

// Status reports how many slots are held and how many callers wait.
func (l *Limiter) Status() Status {
	l.mustBeMade()
	l.mu.Lock()
	defer l.mu.Unlock()
	return Status{Active: activeOf(l.state.Load()), Waiting: l.queue.Len()}
}

// Max returns the bound the limiter was created with.
func (l *Limiter) Max() int {
	l.mustBeMade()
	return int(l.max)
}

// mustBeMade rejects a zero Limiter. The lock-free paths need not call it:
// with max at 0 they never find a free slot, and fall through to a path
// that does.
func (l *Limiter) mustBeMade() {
	if l.max == 0 {
		panic(errZero)
	}
}

type callerKey struct{}

// WithCaller returns a context that names its caller id in the limiter's
// events, so a trace can follow one caller from queue to release. Without
// it, a hooked limiter numbers callers 0, 1, 2, … in the order they arrive;
// do not mix the two. The id costs nothing when no hook is set.
func WithCaller(ctx context.Context, id int) context.Context {
	return context.WithValue(ctx, callerKey{}, id)
}

// caller returns the id of the caller behind ctx, or the next sequence
// number. l.mu must be held. Only called when a hook is set.
func (l *Limiter) caller(ctx context.Context) int {
	if id, ok := ctx.Value(callerKey{}).(int); ok {
		return id
	}
	id := l.seq
	l.seq++
	return id
}

// emit reports a step. l.mu must be held, so that events come in the order
// the steps took effect.
func (l *Limiter) emit(k event.Kind, id, slot, n int, err error) {
	l.events.Emit(k, id, slot, n, err)
}

// takeSlot returns a free slot number for a Do caller, or -1 when no hook
// needs one. l.mu must be held. Numbered slots never outnumber active, which
// never exceeds max, so fresh stays below max.
func (l *Limiter) takeSlot() int {
	if l.hook == nil {
		return -1
	}
	if n := len(l.freed); n > 0 {
		s := l.freed[n-1]
		l.freed = l.freed[:n-1]
		return s
	}
	l.fresh++
	return l.fresh - 1
}

func (l *Limiter) putSlot(slot int) {
	if slot >= 0 {
		l.freed = append(l.freed, slot)
	}
}
