// Package event is the one observer hook every pattern reports through, and
// the recorder that turns those reports into a trace.
//
// A pattern takes a [Hook] from an option; nil is the default and costs a
// nil check per step, nothing more (the clock is not even read). The
// playground passes a [Recorder]'s hook, so what it animates is what the real
// code did. A program can report steps of its own through the same hook with
// kinds it names itself ([NameKind]).
//
// # When a hook panics
//
// A hook's panic never reaches the pattern. The pattern recovers it, once,
// and goes on as if the hook had returned: no lock stays held, no slot or
// worker is lost, and no goroutine the pattern owns (a worker, a timer, a
// supervisor's loop) dies, so the program does not end. The same hook is
// then told with a [HookPanicked] event, whose Err is a *[HookPanic] that
// holds the event, the panic's value and the hook's stack. A hook that
// panics on that news as well hears nothing more about it: nobody else is
// listening. A hook that calls runtime.Goexit (t.FailNow does) cannot be
// stopped: it ends the goroutine that called it and may leave the pattern
// wedged, so report a test's failure from a hook with t.Error instead.
//
// # Why hooks run under the pattern's lock
//
// A pattern that keeps its state under a lock, such as the limiter or the
// pool, calls its hook while it holds that lock. That is what makes a trace
// true: events come in the
// order the steps took effect, never two at once, and a call's own events
// have all been seen when it returns. The price is that a slow hook slows
// every caller, and a hook that blocks stalls the pattern, so a hook must
// be quick and must not call back into the pattern. Handing events over
// after the lock is released would keep their order only through a queue
// that one unlucky caller drains for everybody and that grows without bound
// behind a slow hook; a hook that applies backpressure is the honest cost.
// A hook that must do slow work (write to a network, say) should hand the
// event to a goroutine of its own, through a buffered channel it may drop
// from.
package event
