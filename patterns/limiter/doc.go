// Package limiter bounds how many callers do something at once, letting the
// others wait their turn in strict arrival order. It is the Go counterpart
// of the RateLimiter GenServer of Elixir's "manual backpressure" pattern:
// acquire is granted while fewer than max hold a slot, otherwise the caller
// queues; release hands the slot to the head of the queue.
//
//	l, err := limiter.New(10)
//	if err != nil { … max was not positive … }
//	err = l.Do(ctx, func(ctx context.Context) error {
//		return callTheBackend(ctx)
//	})
//
// # Semantics
//
//   - [Limiter.Acquire] returns at once while fewer than max slots are held;
//     otherwise the caller waits in a FIFO queue.
//   - [Limiter.Release] hands the slot straight to the caller at the head of
//     the queue, so a newcomer never overtakes a waiter (no barging), or
//     frees it when nobody waits.
//   - A waiter whose context ends leaves the queue and is never granted
//     later. If its grant and its cancellation coincide, the slot passes on
//     to the next waiter: it is never lost.
//   - [Limiter.Do] releases the slot however its function ends. In OTP a
//     limiter frees a crashed holder's slot by monitoring it; in Go, Do
//     gives the slot back and then lets the panic go on to the caller.
//   - [Limiter.TryAcquire] never waits: it reports false when the limiter is
//     full or somebody already waits.
//   - Releasing without acquiring panics with a "limiter: " message.
//   - The zero Limiter is not usable, since it has no bound: create one with
//     [New]. Any method of a zero Limiter panics with a "limiter: " message
//     that says so, at its first call.
//
// # How it differs from the Elixir GenServer
//
// A caller of that GenServer waits at most GenServer.call's timeout,
// 5 s by default. When it fires, the caller is gone but its entry stays in
// the queue, and a later release replies to it: that slot is handed to
// nobody and never comes back. The GenServer also leaves out the monitor that
// would free a crashed holder's slot. Here a caller bounds its wait with its
// context (context.WithTimeout) and leaves the queue when it ends, the
// limiter has no default timeout of its own, and Do covers crashes.
//
// # Observing it
//
// [WithHook] reports every step as an event (acquired, queued, granted,
// released, gave up), in the order the steps took effect. Callers are named
// by [WithCaller]. A caller of Do holds a numbered slot, so a trace shows
// which slot each caller held; Acquire and Release are anonymous, like a
// semaphore's, so their events carry no slot and Release names no caller.
//
// The hook is called under the limiter's lock, so that events come in the
// order the steps took effect and never two at once; a slow hook slows
// every caller. A hook that panics cannot wedge the limiter: the panic is
// recovered and the hook hears of it (see package event).
//
// # Cost and when not to use it
//
// Without a hook, taking a free slot and giving it back are one
// compare-and-swap each, about 8 ns for the pair, faster than
// golang.org/x/sync/semaphore; a caller that has to wait allocates a
// waiter and a channel. With a hook, every step takes a mutex and reads the
// clock. If you need weights (several slots per caller), use
// semaphore.Weighted, which is FIFO as well. To bound a fixed batch of
// goroutines, errgroup's SetLimit is simpler. To bound a rate (so many calls
// per second) rather than concurrency, use golang.org/x/time/rate.
package limiter
