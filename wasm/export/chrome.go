package export

import (
	"strconv"

	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Chrome is the trace in the Chrome trace-event format: a complete ("X")
// event per unit of work on the track (tid) of its slot, instant ("i")
// events for crashes, timeouts, abandoned tasks and a halt, and the
// tracks' names. Times are in microseconds of virtual time. life says which
// events start and end a unit (see [view.Life]); a unit with no slot gets
// the first free track, so units that overlap never share one.
func Chrome(pattern string, life view.Life, trace []event.Record) []byte {
	b := make([]byte, 0, 128+96*len(trace)/2)
	b = append(b, `{"displayTimeUnit":"ms","otherData":{"pattern":`...)
	b = appendString(b, pattern)
	b = append(b, `,"clock":"virtual"},"traceEvents":[`...)
	b = append(b, `{"name":"process_name","ph":"M","pid":1,"tid":0,"args":{"name":`...)
	b = appendString(b, pattern)
	b = append(b, `}}`...)

	type open struct {
		start float64
		tid   int
	}
	running := map[int32]open{}
	var busy []bool
	named := 0 // tracks named so far
	for _, r := range trace {
		at := r.At.Seconds() * 1e6
		switch life(r.Kind) {
		case view.StepStart:
			tid := int(r.Slot)
			if tid < 0 {
				tid = 0
				for tid < len(busy) && busy[tid] {
					tid++
				}
			}
			for len(busy) <= tid {
				busy = append(busy, false)
			}
			busy[tid] = true
			running[r.ID] = open{start: at, tid: tid}
			for ; named < len(busy); named++ {
				b = append(b, `,{"name":"thread_name","ph":"M","pid":1,"tid":`...)
				b = strconv.AppendInt(b, int64(named), 10)
				b = append(b, `,"args":{"name":"slot `...)
				b = strconv.AppendInt(b, int64(named), 10)
				b = append(b, `"}}`...)
			}
		case view.StepEnd:
			o, ok := running[r.ID]
			if !ok {
				break
			}
			delete(running, r.ID)
			busy[o.tid] = false
			b = append(b, `,{"name":"item `...)
			b = strconv.AppendInt(b, int64(r.ID), 10)
			b = append(b, `","cat":`...)
			b = appendString(b, r.Kind.String())
			b = append(b, `,"ph":"X","pid":1,"tid":`...)
			b = strconv.AppendInt(b, int64(o.tid), 10)
			b = append(b, `,"ts":`...)
			b = appendMs(b, o.start)
			b = append(b, `,"dur":`...)
			b = appendMs(b, at-o.start)
			b = append(b, `,"args":{"id":`...)
			b = strconv.AppendInt(b, int64(r.ID), 10)
			b = append(b, `,"outcome":`...)
			b = appendString(b, r.Kind.String())
			b = append(b, `}}`...)
		}
		if name, ok := instant(r); ok {
			b = append(b, `,{"name":`...)
			b = appendString(b, name)
			b = append(b, `,"ph":"i","pid":1,"ts":`...)
			b = appendMs(b, at)
			if o, ok := running[r.ID]; ok || r.Slot >= 0 {
				tid := int(r.Slot)
				if tid < 0 {
					tid = o.tid
				}
				b = append(b, `,"s":"t","tid":`...)
				b = strconv.AppendInt(b, int64(tid), 10)
			} else {
				b = append(b, `,"s":"g","tid":0`...)
			}
			if r.Detail != "" {
				b = append(b, `,"args":{"detail":`...)
				b = appendString(b, r.Detail)
				b = append(b, '}')
			}
			b = append(b, '}')
		}
	}
	return append(b, "]}"...)
}

// instant names the events that show as instants: the notable ones.
func instant(r event.Record) (string, bool) {
	switch r.Kind {
	case event.Panicked:
		return "crash: item " + strconv.Itoa(int(r.ID)), true
	case event.TimedOut:
		return "timeout: item " + strconv.Itoa(int(r.ID)), true
	case event.Abandoned:
		return "abandoned: item " + strconv.Itoa(int(r.ID)), true
	case event.Refused:
		return "refused", true
	case event.Halted:
		return "halted", true
	}
	return "", false
}
