package stage

import (
	"math"
	"slices"
	"sync"

	"github.com/concurrency-patterns/playground/patterns/event"
)

// dispatcher is the producing half of a stage (GenStage's DemandDispatcher
// with the producer's buffer): it owes each subscriber the demand it asked
// for, sends events to the subscriber owed the most, and keeps events beyond
// demand in a buffer that drops its oldest beyond the limit.
//
// Whoever makes a change dispatches at once under mu: the producing stage
// when it produces, a consumer when it asks, a caller when it pushes.
// Invariant after each change: the buffer is empty or no demand is owed.
type dispatcher[T any] struct {
	b     *base
	limit int           // buffer size
	keep  Keep          // which events a full buffer keeps
	wake  chan struct{} // the producing stage's

	mu       sync.Mutex
	subs     []*subscription[T]
	buf      queue[T]
	level    int    // the buffer level last reported
	news     uint64 // counts demand asked and wake-ups, for a producer waiting for either
	moves    uint64 // counts changes of demand, to order subscribers on a tie
	closed   bool   // no more events will be produced
	finished bool   // closed and empty: the subscribers were told
	stopped  bool   // the pipeline stopped: events are discarded
	orphaned bool   // every subscriber left: events are discarded, and the producer is finished

	accumulate bool     // demand is kept in asks, not acted on
	asks       []ask[T] // demand kept while accumulating, in order

	hears bool      // the producing stage has a HandleCancel
	left  []leaving // subscribers that left, for its HandleCancel
}

// leaving is a subscriber that left a producer, and why.
type leaving struct {
	consumer int
	reason   error
}

// ask is demand kept while a producer accumulates.
type ask[T any] struct {
	s *subscription[T]
	n int
}

func newDispatcher[T any](b *base, cfg *config, wake chan struct{}) *dispatcher[T] {
	return &dispatcher[T]{b: b, limit: cfg.bufferSize, keep: cfg.keep, wake: wake, accumulate: cfg.demand == Accumulate}
}

// ask adds n to what the producer owes s, sends what the buffer holds, and
// wakes the producing stage so it can make the rest.
func (d *dispatcher[T]) ask(s *subscription[T], n int) {
	d.mu.Lock()
	if d.accumulate {
		d.asks = append(d.asks, ask[T]{s, n})
		d.mu.Unlock()
		return
	}
	s.pending += n
	d.news++
	d.moved(s)
	d.flush()
	d.mu.Unlock()
	signal(d.wake)
}

// flush sends what the buffer holds as far as demand allows. d.mu must be
// held.
func (d *dispatcher[T]) flush() {
	if d.buf.len() > 0 {
		d.buf.pop(d.buf.len() - len(d.send(d.buf.front())))
		d.settle()
	}
}

// setMode switches between acting on demand and keeping it; forwarding
// acts on what was kept, in the order it was asked.
func (d *dispatcher[T]) setMode(m DemandMode) {
	d.mu.Lock()
	d.accumulate = m == Accumulate
	if d.accumulate {
		d.mu.Unlock()
		return
	}
	for _, a := range d.asks {
		a.s.pending += a.n
		d.moved(a.s)
	}
	d.asks = nil
	d.news++
	d.flush()
	d.mu.Unlock()
	signal(d.wake)
}

func (d *dispatcher[T]) mode() DemandMode {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.accumulate {
		return Accumulate
	}
	return Forward
}

// produce takes events the stage made: it sends what demand allows and
// buffers the rest. The dispatcher copies them; the caller keeps its slice.
// It reports false, and discards them, when the pipeline has stopped.
// Producing after close is a misuse (only Push can do it).
func (d *dispatcher[T]) produce(events []T) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.closed {
		panic("stage: Push after Close")
	}
	if len(events) == 0 {
		return !d.stopped
	}
	d.b.emit(event.EventsProduced, d.b.id, -1, len(events), nil)
	if d.stopped || d.orphaned {
		d.b.discarded(len(events))
		return false
	}
	if d.buf.len() == 0 {
		events = d.send(events)
	}
	if over := len(events) - (d.limit - d.buf.len()); over > 0 {
		if d.keep == KeepFirst {
			events = events[:len(events)-over]
		} else {
			fromBuf := min(over, d.buf.len())
			d.buf.pop(fromBuf)
			events = events[over-fromBuf:]
		}
		d.b.emit(event.EventsDropped, d.b.id, -1, over, nil)
	}
	d.buf.push(events)
	d.settle()
	return true
}

// send hands events to the subscribers owed the most and returns those no
// one is owed. On a tie, the subscriber whose demand changed longest ago
// goes first: like GenStage's DemandDispatcher, which puts a subscriber it
// just served, or that just asked, after the others owed as much.
func (d *dispatcher[T]) send(events []T) []T {
	for len(events) > 0 {
		var top *subscription[T]
		for _, s := range d.subs {
			if s.pending > 0 && (top == nil || s.pending > top.pending ||
				s.pending == top.pending && s.moved < top.moved) {
				top = s
			}
		}
		if top == nil {
			break
		}
		n := min(top.pending, len(events))
		if !top.deliver(events[:n]) {
			top.pending = 0 // stopped: owed nothing more
			continue
		}
		top.pending -= n
		d.moved(top)
		events = events[n:]
	}
	return events
}

// moved marks s as the subscriber whose demand changed last. d.mu must be
// held.
func (d *dispatcher[T]) moved(s *subscription[T]) {
	d.moves++
	s.moved = d.moves
}

// settle reports a changed buffer level, and tells the subscribers when
// the producer has finished and its buffer is empty. d.mu must be held.
func (d *dispatcher[T]) settle() {
	if n := d.buf.len(); n != d.level {
		d.level = n
		d.b.emit(event.BufferLevel, d.b.id, -1, n, nil)
	}
	if d.closed && !d.finished && d.buf.len() == 0 {
		d.finished = true
		for _, s := range d.subs {
			s.close()
		}
		signal(d.wake)
	}
}

// close says no more events will be produced; the subscribers are told
// once the buffer has been sent.
func (d *dispatcher[T]) close() {
	d.mu.Lock()
	d.closed = true
	d.settle()
	d.mu.Unlock()
}

// wakeUp tells the producing stage there may be events to make, even
// though no new demand came.
func (d *dispatcher[T]) wakeUp() {
	d.mu.Lock()
	d.news++
	d.mu.Unlock()
	signal(d.wake)
}

// state returns the demand owed while the buffer is empty and the producer
// open and forwarding (how many events the stage may make now), and whether it finished.
// news changes whenever demand is asked or the stage is woken up.
func (d *dispatcher[T]) state() (want int, finished bool, news uint64) {
	d.mu.Lock()
	defer d.mu.Unlock()
	news = d.news
	if d.orphaned {
		return 0, true, news
	}
	if d.closed || d.buf.len() > 0 || d.accumulate {
		return 0, d.finished, news
	}
	for _, s := range d.subs {
		want += s.pending
		if want < 0 { // huge max demands: what is owed does not fit an int
			return math.MaxInt, false, news
		}
	}
	return want, false, news
}

// stop empties the buffer and discards every later event. It returns how
// many events the buffer held, for the stage to report.
func (d *dispatcher[T]) stop() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.stopped = true
	n := d.buf.len()
	d.buf.pop(n)
	d.settle()
	return n
}

// buffered returns how many events wait in the buffer.
func (d *dispatcher[T]) buffered() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.buf.len()
}

func (d *dispatcher[T]) subscribe(s *subscription[T]) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.subs = append(d.subs, s)
	d.moved(s)
	if d.finished { // closed and empty before this consumer came
		s.close()
	}
}

// unsubscribe takes a subscriber that left off the dispatcher. A producer
// all of whose subscribers left has no one to make events for, and no one
// can subscribe once the pipeline runs: it finishes, discarding its buffer.
// (A GenStage producer would live on, waiting for a new subscriber.)
func (d *dispatcher[T]) unsubscribe(s *subscription[T]) {
	d.mu.Lock()
	defer d.mu.Unlock()
	before := len(d.subs)
	d.subs = slices.DeleteFunc(d.subs, func(x *subscription[T]) bool { return x == s })
	if len(d.subs) == before {
		return // it had left already
	}
	d.asks = slices.DeleteFunc(d.asks, func(a ask[T]) bool { return a.s == s })
	if d.hears && !d.finished && !d.stopped {
		s.mu.Lock()
		d.left = append(d.left, leaving{s.consumer, s.reason})
		s.mu.Unlock()
		signal(d.wake)
	}
	if len(d.subs) > 0 || d.finished || d.stopped {
		return
	}
	d.orphaned, d.finished = true, true
	n := d.buf.len()
	d.buf.pop(n)
	d.b.discarded(n)
	d.settle()
	signal(d.wake)
}

// leavers returns, and forgets, the subscribers that left since it was
// last called.
func (d *dispatcher[T]) leavers() []leaving {
	d.mu.Lock()
	defer d.mu.Unlock()
	l := d.left
	d.left = nil
	return l
}
