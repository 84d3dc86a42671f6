// Package unowned defines an Analyzer that answers the first review
// question, "does every task that can fail have an owner?".
//
// # Analyzer unowned
//
// unowned: report goroutines nothing waits for and no recover protects
//
// A go statement is reported when the goroutine it starts has no owner
// and no recover: its body (a function literal, or a function of the same
// package, followed through the calls it makes there) never sends on a
// channel, closes one or an io.Pipe, calls Done on a sync.WaitGroup,
// cancels a context or waits for one to end, stores to an atomic, or
// calls a function value it deferred; and no deferred function of it
// calls recover. Nobody learns that such a goroutine ended or failed, and
// a panic in it stops the whole program.
//
// A go statement that calls a function of another package is reported
// only when that function returns something, which the go statement
// throws away (a Close aside), and gets no channel, WaitGroup or function
// to report through. A goroutine that calls nothing (only builtins) is
// not reported, nor is test code (_test.go files, functions that take a
// *testing.T or testing.TB), generated code, or an init function, whose
// goroutines live as long as the process by design.
//
// When the function the go statement is in waits on a sync.WaitGroup, the
// suggested fix starts the goroutine with that group's Go method (Go 1.25
// and later), so the wait covers it too.
package unowned
