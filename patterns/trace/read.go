package trace

import (
	"cmp"
	"encoding/json"
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
	var f struct {
		Format  string            `json:"format"`
		Version *int              `json:"version"`
		Pattern string            `json:"pattern"`
		Clock   string            `json:"clock"`
		Params  map[string]string `json:"params"`
		Events  []struct {
			T      *float64 `json:"t"`
			Kind   string   `json:"kind"`
			ID     float64  `json:"id"`
			Slot   float64  `json:"slot"`
			N      float64  `json:"n"`
			Detail string   `json:"detail"`
		} `json:"events"`
	}
	if err := json.Unmarshal(data, &f); err != nil {
		return Trace{}, 0, fmt.Errorf("this is not a trace file: it is not valid JSON of the expected shape (%v)", err)
	}
	switch {
	case f.Format != Format:
		return Trace{}, 0, fmt.Errorf("this is not a trace file: its format is %s, not %q", quoted(f.Format), Format)
	case f.Version == nil:
		return Trace{}, 0, errors.New("the trace has no version")
	case *f.Version != Version:
		return Trace{}, 0, fmt.Errorf("the trace is of version %d; this reader reads version %d", *f.Version, Version)
	case f.Pattern == "":
		return Trace{}, 0, errors.New("the trace names no pattern to show it with")
	case f.Clock != RealClock && f.Clock != VirtualClock:
		return Trace{}, 0, fmt.Errorf("the trace's clock is %s; it must be %q or %q", quoted(f.Clock), RealClock, VirtualClock)
	case len(f.Events) > MaxEvents:
		return Trace{}, 0, fmt.Errorf("the trace has %d events; this reader accepts at most %d", len(f.Events), MaxEvents)
	}
	t = Trace{Header: Header{Pattern: f.Pattern, Params: f.Params, Clock: f.Clock}}
	t.Events = make([]event.Record, 0, len(f.Events))
	for i, e := range f.Events {
		if e.T == nil || *e.T < 0 || *e.T > float64(math.MaxInt64/int64(time.Millisecond)) {
			return Trace{}, 0, fmt.Errorf("event %d has no time, or a time that is negative or too large", i)
		}
		var nums [3]int32
		for j, v := range []float64{e.ID, e.Slot, e.N} {
			if v != math.Trunc(v) || v < math.MinInt32 || v > math.MaxInt32 {
				return Trace{}, 0, fmt.Errorf("event %d has an id, slot or n that is not a 32-bit integer", i)
			}
			nums[j] = int32(v)
		}
		k, ok := event.ParseKind(e.Kind)
		if !ok {
			skipped++
			continue
		}
		t.Events = append(t.Events, event.Record{
			At: time.Duration(math.Round(*e.T * float64(time.Millisecond))), Kind: k,
			ID: nums[0], Slot: nums[1], N: nums[2], Detail: e.Detail,
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
