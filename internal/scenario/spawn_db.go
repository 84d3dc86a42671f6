//go:build !pg_only || pg_spawn

package scenario

import (
	"container/heap"
	"context"
	"math"
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
// work since it arrived, and only the next to finish needs a timer.
type database struct {
	clk      clock.Clock
	capacity float64
	mu       sync.Mutex
	work     float64   // the work clock, in ns of full-speed work per query
	last     time.Time // when work was last brought up to date
	queries  queryHeap // by when they finish on the work clock
	timer    clock.Timer
}

type query struct {
	finish float64 // the work clock's reading when it is done
	done   chan struct{}
	index  int // in the heap, -1 once out
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
	heap.Push(&db.queries, q)
	db.settle()
	db.mu.Unlock()
	select {
	case <-q.done:
		return nil
	case <-ctx.Done():
		db.mu.Lock()
		if q.index >= 0 {
			db.advance()
			heap.Remove(&db.queries, q.index)
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

// settle ends the queries that are done and sets the timer for the next
// one. A query within a nanosecond of its end is done: the timer rounds
// up to whole nanoseconds. db.mu must be held.
func (db *database) settle() {
	for len(db.queries) > 0 && db.queries[0].finish-db.work < 1 {
		close(heap.Pop(&db.queries).(*query).done)
	}
	if len(db.queries) == 0 {
		if db.timer != nil {
			db.timer.Stop()
		}
		return
	}
	wait := time.Duration(math.Ceil((db.queries[0].finish - db.work) / db.speed()))
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

// queryHeap orders queries by finish, for container/heap.
type queryHeap []*query

func (h queryHeap) Len() int           { return len(h) }
func (h queryHeap) Less(i, j int) bool { return h[i].finish < h[j].finish }
func (h queryHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index, h[j].index = i, j
}
func (h *queryHeap) Push(x any) {
	q := x.(*query)
	q.index = len(*h)
	*h = append(*h, q)
}
func (h *queryHeap) Pop() any {
	old := *h
	q := old[len(old)-1]
	old[len(old)-1] = nil
	q.index = -1
	*h = old[:len(old)-1]
	return q
}
