// Package nobackpressure defines an Analyzer that answers the review
// question "is there backpressure for producers faster than their
// consumers?".
//
// # Analyzer nobackpressure
//
// nobackpressure: report producers that never wait for their consumers
//
// Two shapes are reported, in a loop of unknown length or in a net/http
// handler:
//
//   - go func() { ch <- v }(): a goroutine whose only work is a send of a
//     value computed before it. The loop goes on at once, and every value
//     the consumer has not taken yet waits in a goroutine of its own. The
//     suggested fix sends directly, so the producer waits for the
//     consumer.
//   - q = append(q, v) on a queue: a slice that is also taken from the
//     front or the back (q = q[1:], q = q[:len(q)-1]), in the same function
//     for a local slice or anywhere in the package for a field or a
//     package variable, when the function never compares len(q) with a
//     limit. In a loop, only when the loop takes what it queues from a
//     channel (a range over one, a select case or a receive before the
//     append): a loop that queues what it made itself keeps a worklist.
//     The queue grows for as long as the producer is faster.
//
// Demand counts as a bound: an append in a loop whose condition compares
// sizes (for pending < max, for len(q) > 0) is not reported, nor is a
// spawn held back by a semaphore (see package unbounded for what counts),
// nor test or generated code.
package nobackpressure
