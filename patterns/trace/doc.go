// Package trace is the playground's trace file: what a program did, event by
// event, in one documented and versioned JSON shape that the playground's
// replay page opens and animates.
//
// A program records through the observer hook every pattern takes
// ([event.Hook]): a [Writer] streams each event to a file as it happens, a
// [Ring] keeps only the last N in memory, and [Encode] writes a whole trace
// at once (the playground's own JSON download). [Read] is the one reader,
// with limits on size, and a clear error for anything else.
//
// The shape, version 1:
//
//	{"format":"concurrency-patterns-trace","version":1,
//	 "pattern":"stream","clock":"real","params":{"items":"40",…},
//	 "events":[{"t":0.125,"kind":"pulled","id":0,"slot":-1},…]}
//
// pattern names the playground view the trace is for (stream, tasks, stage,
// limiter, pool, supervisor, timeout, spawn); params are the demo's
// parameters, as text, and may be partial. Each event has its time t in ms
// since the recording started, its kind by name (see [event.Kind]), the id
// and slot it concerns (-1 for none), and n and detail when set. A reader
// must refuse another version. Only the standard library is used.
package trace
