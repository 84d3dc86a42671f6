package export

import (
	"strconv"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/trace"
)

// JSON is the run as a trace file (package trace's format, which the
// replay page reads back): the pattern, its parameters, and every event
// with its time in virtual ms.
func JSON(pattern string, params map[string]string, records []event.Record) []byte {
	return trace.Encode(trace.Trace{
		Header: trace.Header{Pattern: pattern, Params: params, Clock: trace.VirtualClock},
		Events: records,
	})
}

// appendMs writes a number of ms, shortest form.
func appendMs(b []byte, v float64) []byte { return strconv.AppendFloat(b, v, 'f', -1, 64) }

// appendString writes s as a JSON string.
var appendString = trace.AppendString
