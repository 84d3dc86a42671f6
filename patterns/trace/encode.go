package trace

import (
	"slices"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/concurrency-patterns/playground/patterns/event"
)

// Format and Version mark a trace file; [Read] refuses any other version.
const (
	Format  = "concurrency-patterns-trace"
	Version = 1
)

// Clocks a trace can be timed by.
const (
	RealClock    = "real"    // wall time, from the recording's start
	VirtualClock = "virtual" // a simulated clock, as the playground's demos use
)

// Header says what a trace is of.
type Header struct {
	Pattern string            // the playground view to show it with, e.g. "stream"
	Params  map[string]string // the demo's parameters, as text; may be nil or partial
	Clock   string            // RealClock or VirtualClock; empty means RealClock
}

// Trace is a whole trace: its header and its events, in the order observed.
type Trace struct {
	Header
	Events []event.Record
}

// Encode returns t as a trace file.
func Encode(t Trace) []byte {
	b := appendHeader(make([]byte, 0, 160+48*len(t.Events)), t.Header)
	for i, r := range t.Events {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendEvent(b, r)
	}
	return append(b, "]}\n"...)
}

// appendHeader writes everything up to and including the events' "[".
func appendHeader(b []byte, h Header) []byte {
	clock := h.Clock
	if clock == "" {
		clock = RealClock
	}
	b = append(b, `{"format":"`+Format+`","version":`...)
	b = strconv.AppendInt(b, Version, 10)
	b = append(b, `,"pattern":`...)
	b = AppendString(b, h.Pattern)
	b = append(b, `,"clock":`...)
	b = AppendString(b, clock)
	b = append(b, `,"params":{`...)
	names := make([]string, 0, len(h.Params))
	for k := range h.Params {
		names = append(names, k)
	}
	slices.Sort(names)
	for i, k := range names {
		if i > 0 {
			b = append(b, ',')
		}
		b = AppendString(b, k)
		b = append(b, ':')
		b = AppendString(b, h.Params[k])
	}
	return append(b, `},"events":[`...)
}

// appendEvent writes one event object.
func appendEvent(b []byte, r event.Record) []byte {
	b = append(b, `{"t":`...)
	b = strconv.AppendFloat(b, float64(r.At)/float64(time.Millisecond), 'f', -1, 64)
	b = append(b, `,"kind":`...)
	b = AppendString(b, r.Kind.String())
	b = append(b, `,"id":`...)
	b = strconv.AppendInt(b, int64(r.ID), 10)
	b = append(b, `,"slot":`...)
	b = strconv.AppendInt(b, int64(r.Slot), 10)
	if r.N != 0 {
		b = append(b, `,"n":`...)
		b = strconv.AppendInt(b, int64(r.N), 10)
	}
	if r.Detail != "" {
		b = append(b, `,"detail":`...)
		b = AppendString(b, r.Detail)
	}
	return append(b, '}')
}

// AppendString writes s as a JSON string, for writers of this format and
// of formats derived from it. Invalid UTF-8 becomes U+FFFD, as
// encoding/json does.
func AppendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c == '\t':
				b = append(b, '\\', 't')
			case c < 0x20:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, `\ufffd`...)
		} else {
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}
