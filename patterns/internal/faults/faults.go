// Package faults makes the misbehaving work and the many runs of the
// patterns' fault-injection tests: tasks that fail, panic, call
// runtime.Goexit, linger or ignore their cancellation, each run in a
// synctest bubble of its own under a seed.
package faults

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

// ErrOwn is the error a task with the Fail end returns.
var ErrOwn = errors.New("faults: the task's own error")

// End is how a task ends once its work is done.
type End uint8

const (
	Return End = iota // returns its number
	Fail              // returns ErrOwn
	Panic             // panics
	Goexit            // calls runtime.Goexit
)

// Fate is what one task does: work, then end its way; cancelled first, it
// lingers, then returns ctx's error, unless it is deaf to cancellation.
type Fate struct {
	Work   time.Duration
	End    End
	Linger time.Duration // once cancelled, how long it takes to return
	Deaf   bool          // ignores its cancellation and works to its end
}

// Random draws a fate: mostly tasks that return, some that fail, panic or
// call Goexit, one in maxDeaf deaf, lingering up to linger.
func Random(r *rand.Rand, work, linger time.Duration, maxDeaf int) Fate {
	f := Fate{Work: time.Duration(r.Int64N(int64(work) + 1)), End: End(r.IntN(6)), Deaf: r.IntN(maxDeaf) == 0}
	if linger > 0 && r.IntN(3) > 0 {
		f.Linger = time.Duration(r.Int64N(int64(linger) + 1))
	}
	if f.End > Goexit {
		f.End = Return
	}
	return f
}

// Run does task i's fate, counting it in live while it runs. Its time is
// the time package's: fake inside a synctest bubble.
func (f Fate) Run(ctx context.Context, i int, live *atomic.Int32) (int, error) {
	live.Add(1)
	defer live.Add(-1)
	if f.Deaf {
		time.Sleep(f.Work)
	} else {
		select {
		case <-time.After(f.Work):
		case <-ctx.Done():
			time.Sleep(f.Linger)
			return 0, ctx.Err()
		}
	}
	switch f.End {
	case Fail:
		return 0, ErrOwn
	case Panic:
		panic(fmt.Sprint("fault in task ", i))
	case Goexit:
		runtime.Goexit()
	}
	return i, nil
}

// Seeds runs run once per seed, each in a synctest bubble and a subtest of
// its own: n seeds, or a tenth of them (at least 10) with -short.
func Seeds(t *testing.T, n int, run func(t *testing.T, seed uint64)) {
	if testing.Short() {
		n = max(n/10, 10)
	}
	for seed := range n {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) { run(t, uint64(seed)) })
		})
	}
}
