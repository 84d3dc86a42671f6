package limiter

import "math"

// The limiter's counts live in one atomic word so that a caller who finds a
// slot free, or gives one back while nobody waits, needs no lock:
//
//	bits  0–31  active: slots held
//	bits 32–62  anon: of those, slots taken by Acquire or TryAcquire
//	bit  63     queued: somebody waits
//
// While queued is set, active equals max and only the holder of l.mu
// changes the word, so the queue and the counts move together. While it is
// clear, the lock-free paths may add or take away a slot with a
// compare-and-swap; the locked paths use compare-and-swap too.
const (
	oneActive  = 1
	oneAnon    = 1 << 32
	queuedBit  = 1 << 63
	activeMask = 1<<32 - 1
	anonMask   = 1<<31 - 1

	// maxLimit is the largest bound the word can count up to.
	maxLimit = math.MaxInt32
)

func activeOf(s uint64) int { return int(s & activeMask) }
func anonOf(s uint64) int   { return int(s >> 32 & anonMask) }

// holder is what taking a slot adds to the word.
func holder(anon bool) uint64 {
	if anon {
		return oneActive + oneAnon
	}
	return oneActive
}

// tryTake takes a slot without the lock if one is free and nobody waits.
func (l *Limiter) tryTake(anon bool) bool {
	for {
		s := l.state.Load()
		if s&queuedBit != 0 || s&activeMask >= l.max {
			return false
		}
		if l.state.CompareAndSwap(s, s+holder(anon)) {
			return true
		}
	}
}

// tryGive gives a slot back without the lock if nobody waits. It panics
// when an anonymous release finds no anonymous holder.
func (l *Limiter) tryGive(anon bool) bool {
	for {
		s := l.state.Load()
		if anon && anonOf(s) == 0 {
			l.mustBeMade()
			panic(errReleaseUnheld)
		}
		if s&queuedBit != 0 {
			return false
		}
		if l.state.CompareAndSwap(s, s-holder(anon)) {
			return true
		}
	}
}
