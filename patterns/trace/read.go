package trace

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/concurrency-patterns/playground/patterns/event"
)

// Limits of what [Read] accepts: a trace past them is refused, not cut.
const (
	MaxBytes  = 32 << 20
	MaxEvents = 500_000
)

// Read parses a trace file. It refuses, with an error that says why in a
// sentence, anything that is not a trace, a trace of another version, one
// larger than [MaxBytes] or with more than [MaxEvents] events, and events
// with a negative time or numbers out of range. Events of kinds this build
// does not know (a program's own, named with [event.NameKind]) are left out
// and counted in skipped. The events come back sorted by time, in file
// order among equal times: a real-time recorder may observe two events of
// different goroutines out of order by a few nanoseconds.
func Read(r io.Reader) (t Trace, skipped int, err error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return Trace{}, 0, fmt.Errorf("the trace could not be read: %w", err)
	}
	if len(data) > MaxBytes {
		return Trace{}, 0, fmt.Errorf("the trace is larger than %d MB, the most this reader accepts", MaxBytes>>20)
	}
	v, err := decode(data)
	if err != nil {
		return Trace{}, 0, fmt.Errorf("this is not a trace file: it is not valid JSON (%v)", err)
	}
	f, ok := v.(map[string]any)
	if !ok {
		return Trace{}, 0, errors.New("this is not a trace file: it is not a JSON object")
	}
	format, _ := f["format"].(string)
	version, hasVersion := f["version"].(float64)
	pattern, _ := f["pattern"].(string)
	clock, _ := f["clock"].(string)
	events, eventsOK := f["events"].([]any)
	switch {
	case format != Format:
		return Trace{}, 0, fmt.Errorf("this is not a trace file: its format is %s, not %q", quoted(format), Format)
	case !hasVersion:
		return Trace{}, 0, errors.New("the trace has no version")
	case version != Version:
		return Trace{}, 0, fmt.Errorf("the trace is of version %s; this reader reads version %d", strconv.FormatFloat(version, 'f', -1, 64), Version)
	case pattern == "":
		return Trace{}, 0, errors.New("the trace names no pattern to show it with")
	case clock != RealClock && clock != VirtualClock:
		return Trace{}, 0, fmt.Errorf("the trace's clock is %s; it must be %q or %q", quoted(clock), RealClock, VirtualClock)
	case !eventsOK && f["events"] != nil:
		return Trace{}, 0, errors.New("the trace's events are not a list")
	case len(events) > MaxEvents:
		return Trace{}, 0, fmt.Errorf("the trace has %d events; this reader accepts at most %d", len(events), MaxEvents)
	}
	params := map[string]string{}
	if raw, ok := f["params"].(map[string]any); ok {
		for k, v := range raw {
			s, ok := v.(string)
			if !ok {
				return Trace{}, 0, fmt.Errorf("the trace's parameter %s is not text", quoted(k))
			}
			params[k] = s
		}
	} else if f["params"] != nil {
		return Trace{}, 0, errors.New("the trace's params are not an object")
	}
	t = Trace{Header: Header{Pattern: pattern, Params: params, Clock: clock}}
	t.Events = make([]event.Record, 0, len(events))
	for i, raw := range events {
		e, ok := raw.(map[string]any)
		if !ok {
			return Trace{}, 0, fmt.Errorf("event %d is not an object", i)
		}
		at, ok := e["t"].(float64)
		if !ok || at < 0 || at > float64(math.MaxInt64/int64(time.Millisecond)) {
			return Trace{}, 0, fmt.Errorf("event %d has no time, or a time that is negative or too large", i)
		}
		var nums [3]int32
		for j, name := range []string{"id", "slot", "n"} {
			v, ok := e[name].(float64)
			if !ok && e[name] != nil || v != math.Trunc(v) || v < math.MinInt32 || v > math.MaxInt32 {
				return Trace{}, 0, fmt.Errorf("event %d has an id, slot or n that is not a 32-bit integer", i)
			}
			nums[j] = int32(v)
		}
		name, _ := e["kind"].(string)
		detail, _ := e["detail"].(string)
		k, ok := event.ParseKind(name)
		if !ok {
			skipped++
			continue
		}
		t.Events = append(t.Events, event.Record{
			At: time.Duration(math.Round(at * float64(time.Millisecond))), Kind: k,
			ID: nums[0], Slot: nums[1], N: nums[2], Detail: detail,
		})
	}
	slices.SortStableFunc(t.Events, func(a, b event.Record) int { return cmp.Compare(a.At, b.At) })
	return t, skipped, nil
}

// quoted shows a value read from a file, cut short.
func quoted(s string) string {
	if s == "" {
		return "missing"
	}
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	return strconv.Quote(s)
}
