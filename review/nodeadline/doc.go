// Package nodeadline defines an Analyzer that answers the review question
// "does every wait have a deadline?".
//
// # Analyzer nodeadline
//
// nodeadline: report blocking calls that nothing can time out
//
// Three shapes are reported:
//
//   - An HTTP request sent by a client with no Timeout when the request
//     carries no context deadline either: http.Get and its siblings (they
//     use http.DefaultClient), and the Get, Head, Post, PostForm and Do
//     methods of http.DefaultClient or of a client made in this package
//     as a literal, new(http.Client) or a zero value, with no Timeout and
//     no Transport, and never changed afterwards. Do is reported only
//     when its request was made in the same function without a context
//     or with context.Background(). The suggested fix gives the client a
//     Timeout of 30 seconds.
//   - A receive, <-ch, outside any select, in a function that has a
//     context.Context parameter: the wait ignores the caller's deadline.
//     Receives from ctx.Done(), from timers and tickers, in deferred
//     code or a select, from a channel the function also sends on (a
//     token it gives back), after a cancel or a close, from a channel
//     handed to a call along with a context (a request whose reply comes
//     from code that knows the deadline), and in a function that starts a
//     goroutine with a context (what it waits for ends with that context)
//     are not reported. When the function returns
//     an error last, the suggested fix waits in a select on ctx.Done()
//     too and returns ctx.Err().
//   - context.Background() or context.TODO() handed to a call inside a
//     net/http handler, except to context.WithTimeout or WithDeadline and
//     except in a goroutine (detached work, see package unbounded): the
//     work neither stops when the client goes nor has a deadline. The
//     suggested fix uses the request's context.
//
// Test code and generated code are not checked.
package nodeadline
