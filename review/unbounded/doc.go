// Package unbounded defines an Analyzer that answers the review question
// "is spawning bounded?".
//
// # Analyzer unbounded
//
// unbounded: report goroutines started per item or per request with no limit
//
// A go statement is reported when it runs once per iteration of a loop
// whose length is not fixed beforehand (a range over a slice, map, channel
// or iterator, a for with no counter, a counter up to len(x)) or once per
// request in a net/http handler, and nothing bounds how many run at once.
// Such code starts as many goroutines as the input is long or the load is
// high, with their stacks and whatever they hold.
//
// These count as a bound, and silence the report: a semaphore token
// (struct{}{}) sent, or a receive whose value is dropped, before the go
// statement; a call of a method named Acquire, TryAcquire, Wait, WaitN or
// Checkout in the loop or handler; an if that compares sizes and leaves
// the loop; in the goroutine, a token sent, a Release, or a deferred
// receive that gives a token back. A counted loop (for i := 0; i < n;
// i++, for range n, a range over an array or over a struct field, such
// as a pipeline's stages or a server's hooks) starts a fixed set of
// workers and is not reported. In a handler, a goroutine the handler
// waits for (it receives from something after the go statement) or that
// waits for a context to end is bounded by the requests themselves. Test
// code, generated code and init functions are not checked.
//
// errgroup.Group's Go is reported the same way when the group is a local
// variable, used only through its methods, and SetLimit is never called
// on it; the suggested fix calls SetLimit(runtime.GOMAXPROCS(0)) after the
// group is made.
package unbounded
