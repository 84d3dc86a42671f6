package event

// Kinds of the worker pool (package pool). ID is the caller (see
// pool.WithCaller), -1 for the pool itself; Slot is the worker's lane, from 0
// to size+max_overflow-1, unique among live workers and reused once a worker
// is gone.
const (
	WorkerStarted     Kind = poolKinds + iota // a worker is being created to fill the pool to its size (New); N is the count of workers
	WorkerReplaced                            // a worker is being created for caller ID in place of one that died
	OverflowStarted                           // an overflow worker is being created for caller ID; N is the overflow count
	StartFailed                               // no worker was made: the constructor failed, or the pool closed first; Err says why and the lane is free again
	CheckedOut                                // caller ID holds the worker in Slot
	CheckoutWaiting                           // no worker free: caller ID waits; N is the queue's length, the caller included
	CheckoutFailed                            // caller ID got no worker; Err is ErrFull, ErrTimeout, ErrClosed or the context's error
	CheckedIn                                 // caller ID gave the worker in Slot back
	OverflowDismissed                         // the worker in Slot was checked in while nobody waited and the pool was above size; N is the overflow count
	WorkerDied                                // the worker in Slot was reported broken or its user panicked; Err says why
	WorkerStopped                             // the worker in Slot was destroyed because the pool closed
)

var _ = names(map[Kind]string{
	WorkerStarted:     "worker_started",
	WorkerReplaced:    "worker_replaced",
	OverflowStarted:   "overflow_started",
	StartFailed:       "start_failed",
	CheckedOut:        "checked_out",
	CheckoutWaiting:   "checkout_waiting",
	CheckoutFailed:    "checkout_failed",
	CheckedIn:         "checked_in",
	OverflowDismissed: "overflow_dismissed",
	WorkerDied:        "worker_died",
	WorkerStopped:     "worker_stopped",
})
