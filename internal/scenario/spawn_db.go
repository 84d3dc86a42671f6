package scenario

import (
	"context"
	"math"
	"slices"
	"sync"
	"time"

	"github.com/concurrency-patterns/playground/patterns/clock"
)

// database is the resource every handler of the spawn scenario shares. It
// does capacity queries' worth of work at once: while n queries are in
// flight, each goes at full speed when n ≤ capacity and at capacity/n of
// it beyond (the queries share its CPUs, disks and locks fairly). A query
// whose work is 100 ms therefore takes 100 ms alone and 1 s among ten
// times the capacity. Throughput never rises above capacity queries at a
// time, however many are sent.
//
// The model keeps one "work clock": the full-speed milliseconds a single
// query would have received since the start. Every query in flight moves
// with it, so a query is done when the work clock has advanced by its
// work since it arrived, and only the next to finish needs a timer. Each
// change looks at every query in flight: a few thousand at most, as the
// memory budget bounds them.
type database struct {
	clk      clock.Clock
	capacity float64
	mu       sync.Mutex
	work     float64   // the work clock, in ns of full-speed work per query
	last     time.Time // when work was last brought up to date
	queries  []*query  // in flight
	timer    clock.Timer
}

type query struct {
	finish float64 // the work clock's reading when it is done
	done   chan struct{}
}

func newDatabase(clk clock.Clock, capacity int) *database {
	return &database{clk: clk, capacity: float64(capacity), last: clk.Now()}
}

// Query runs a query of work full-speed time, for as long as the load
// makes it take, or until ctx ends.
func (db *database) Query(ctx context.Context, work time.Duration) error {
	q := &query{done: make(chan struct{})}
	db.mu.Lock()
	db.advance()
	q.finish = db.work + float64(work)
	db.queries = append(db.queries, q)
	db.settle()
	db.mu.Unlock()
	select {
	case <-q.done:
		return nil
	case <-ctx.Done():
		db.mu.Lock()
		if i := slices.Index(db.queries, q); i >= 0 {
			db.advance()
			db.queries = slices.Delete(db.queries, i, i+1)
			db.settle()
		}
		db.mu.Unlock()
		return ctx.Err()
	}
}

// speed is the share of full speed each query in flight gets.
func (db *database) speed() float64 {
	return min(1, db.capacity/float64(max(len(db.queries), 1)))
}

// advance brings the work clock up to now. db.mu must be held.
func (db *database) advance() {
	now := db.clk.Now()
	db.work += float64(now.Sub(db.last)) * db.speed()
	db.last = now
}

// settle ends the queries that are done, in the order they came, and sets
// the timer for the next one. A query within a nanosecond of its end is
// done: the timer rounds up to whole nanoseconds. db.mu must be held.
func (db *database) settle() {
	next := math.Inf(1)
	kept := db.queries[:0]
	for _, q := range db.queries {
		if q.finish-db.work < 1 {
			close(q.done)
			continue
		}
		kept = append(kept, q)
		next = min(next, q.finish)
	}
	clear(db.queries[len(kept):])
	db.queries = kept
	if len(kept) == 0 {
		if db.timer != nil {
			db.timer.Stop()
		}
		return
	}
	wait := time.Duration(math.Ceil((next - db.work) / db.speed()))
	if db.timer == nil {
		db.timer = db.clk.AfterFunc(wait, db.tick)
		return
	}
	db.timer.Reset(wait)
}

func (db *database) tick() {
	db.mu.Lock()
	defer db.mu.Unlock()
	db.advance()
	db.settle()
}
