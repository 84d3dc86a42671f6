// Package pool lends a bounded set of workers to callers, the Go
// counterpart of Erlang's poolboy and its :poolboy.transaction.
//
// A worker is any value: a connection, a client, a scratch buffer. The pool
// makes workers with a constructor and disposes of them with an optional
// destructor:
//
//	hangUp := func(c *Conn) { c.Close() }
//	p, err := pool.New(ctx, dial, hangUp, pool.Size(5), pool.MaxOverflow(10))
//	if err != nil { … an invalid option, or a worker that could not start … }
//	defer p.Close()
//	err = p.Transaction(ctx, func(ctx context.Context, c *Conn) error {
//		return c.Send(ctx, msg)
//	})
//
// # Semantics (the defaults are poolboy's)
//
//   - [New] creates [Size] workers (default 5) at once.
//   - When every worker is checked out, a checkout creates an overflow
//     worker, up to [MaxOverflow] (default 10). A worker checked in while
//     the pool is above its size and nobody waits is dismissed.
//   - Beyond that, [Pool.Checkout] waits, in FIFO order, up to the pool's
//     [Timeout] (default 5 s) or its context's deadline, whichever comes
//     first; [Pool.TryCheckout] returns [ErrFull] instead of waiting.
//   - [WithStrategy] picks which idle worker is lent: [LIFO] (default), the
//     one checked in last, or [FIFO], the one idle longest.
//   - [Pool.Transaction] always checks the worker back in, even if its
//     function panics (poolboy's transaction checks in "after" the call):
//     the caller's crash does not make its worker unfit.
//   - A worker that dies is replaced at once: [Pool.Discard] (or a
//     Transaction whose function returns or panics with an error wrapping
//     [ErrBroken]) destroys it, and its lane goes to the first waiter, who
//     creates the replacement, or, with nobody waiting, the pool creates
//     it before Discard returns and keeps it idle. A dead overflow worker
//     is not replaced: the pool shrinks back towards its size.
//   - [Pool.Status] reports the state (ready, overflow, full, or closed
//     once [Pool.Close] ran), the available workers, the overflow count
//     and the checked-out count.
//   - A destructor that panics loses no capacity: the worker's lane is
//     freed, then the panic goes on to the caller whose call ran the
//     destructor (Checkin, Discard, Close, Transaction, or a Checkout
//     that had to give back the worker it was handed as its context ended
//     or the pool closed).
//   - The zero Pool is not usable, since it has no constructor: create one
//     with [New]. Any method of a zero Pool panics with a "pool: " message
//     that says so, at its first call.
//
// # How it differs from poolboy
//
// Go has no pool process to create workers in, so a worker is created on
// the goroutine of the call that needs it: the checkout that finds no idle
// worker, with that caller's context; the waiter a dead worker's lane is
// handed to; or, with nobody waiting, the Discard that reported the death,
// with the context given to New (its values, not its deadline), which
// Close cancels. Discard therefore returns only once the replacement is
// made, as poolboy's pool process is busy while it starts one. Where
// poolboy crashes when a replacement cannot start, the lane is left free
// here and the next checkout that finds no idle worker tries again. The
// checkout timeout bounds the wait for a worker, not the constructor, which
// runs under the caller's context. A worker cannot die on its own in Go:
// the caller says so with Discard or [ErrBroken]. And Go cannot notice that
// a caller holding a worker has died; give workers back with defer, or use
// Transaction.
//
// A pool of [Size] 0 with [MaxOverflow] 0 is refused by [New], where
// poolboy starts it: such a pool can never lend a worker, so every
// checkout would wait out its timeout and every TryCheckout report full.
// That is never what the code meant, and an error at construction names
// the mistake where a timeout later would hide it. Size 0 with an
// overflow is accepted: every worker is then an overflow one, made on
// demand and dismissed when it comes back and nobody waits.
//
// # Observing it
//
// [WithHook] reports every step as an event, in the order the steps took
// effect: workers started, replaced, dismissed or dead, checkouts,
// waiting callers, failures and check-ins. Callers are named by
// [WithCaller]; workers by their lane ([Worker.Lane]). The hook is called
// under the pool's lock, so a slow hook slows every caller; a hook that
// panics cannot wedge the pool: the panic is recovered and the hook hears
// of it (see package event).
//
// # Cost and when not to use it
//
// A checkout that finds an idle worker, and its check-in, take a mutex each
// and allocate nothing; a caller that has to wait allocates a waiter, a
// channel and (unless [NoTimeout]) a timer. Pool values that are worth
// keeping between uses, such as connections. To bound how many goroutines
// do something at once, with nothing to keep, package limiter (or
// errgroup's SetLimit) is simpler. For reusable buffers that need no bound,
// sync.Pool is cheaper; database/sql already pools its connections.
package pool
