package export

import (
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/concurrency-patterns/playground/patterns/event"
)

// JSON is the trace as one object: the pattern, its parameters, and every
// event with its time in virtual ms, kind, id, slot, n and detail (the last
// three when set).
//
//	{"pattern":"stream","params":{"items":"20",…},"events":[{"t":0,"kind":"pulled","id":0,"slot":-1},…]}
func JSON(pattern string, params map[string]string, trace []event.Record) []byte {
	b := make([]byte, 0, 64+48*len(trace))
	b = append(b, `{"pattern":`...)
	b = appendString(b, pattern)
	b = append(b, `,"params":{`...)
	names := make([]string, 0, len(params))
	for k := range params {
		names = append(names, k)
	}
	slices.Sort(names)
	for i, k := range names {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, k)
		b = append(b, ':')
		b = appendString(b, params[k])
	}
	b = append(b, `},"events":[`...)
	for i, r := range trace {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"t":`...)
		b = appendMs(b, r.At.Seconds()*1000)
		b = append(b, `,"kind":`...)
		b = appendString(b, r.Kind.String())
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
			b = appendString(b, r.Detail)
		}
		b = append(b, '}')
	}
	return append(b, "]}"...)
}

// appendMs writes a number of ms, shortest form.
func appendMs(b []byte, v float64) []byte { return strconv.AppendFloat(b, v, 'f', -1, 64) }

// appendString writes s as a JSON string. Invalid UTF-8 becomes U+FFFD, as
// encoding/json does.
func appendString(b []byte, s string) []byte {
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
