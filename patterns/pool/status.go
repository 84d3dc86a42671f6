package pool

// State is what a checkout would meet, in poolboy's words.
type State uint8

const (
	// Ready: a worker is idle, or the pool is below its size and will create
	// one.
	Ready State = iota
	// Overflow: every worker is checked out; a checkout creates an overflow
	// worker.
	Overflow
	// Full: every worker is checked out and the pool may not grow; a
	// checkout waits.
	Full
	// Closed: the pool was closed; a checkout fails with ErrClosed.
	Closed
)

func (s State) String() string {
	switch s {
	case Ready:
		return "ready"
	case Overflow:
		return "overflow"
	case Full:
		return "full"
	case Closed:
		return "closed"
	}
	return "unknown"
}

// Status is a snapshot of a pool, poolboy's status plus the queue.
type Status struct {
	State      State
	Available  int // idle workers
	Overflow   int // workers beyond the pool's size
	CheckedOut int // workers lent
	Waiting    int // callers in the queue
}

// Status reports the pool's state and counts.
func (p *Pool[W]) Status() Status {
	p.mustBeMade()
	p.mu.Lock()
	defer p.mu.Unlock()
	s := Status{
		Available:  p.idle.Len(),
		Overflow:   max(0, p.live-p.size),
		CheckedOut: p.out,
		Waiting:    p.waiting.Len(),
	}
	switch {
	case p.closed:
		s.State = Closed
	case p.idle.Len() > 0 || p.live < p.size:
		s.State = Ready
	case p.live < p.size+p.maxOverflow:
		s.State = Overflow
	default:
		s.State = Full
	}
	return s
}
