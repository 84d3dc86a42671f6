package trace_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/trace"
)

func rec(ms float64, k event.Kind, id, slot int) event.Record {
	return event.Record{At: time.Duration(ms * float64(time.Millisecond)), Kind: k, ID: int32(id), Slot: int32(slot)}
}

var sample = trace.Trace{
	Header: trace.Header{Pattern: "stream", Params: map[string]string{"items": "2"}, Clock: trace.VirtualClock},
	Events: []event.Record{
		rec(0, event.Pulled, 0, -1), rec(0, event.Started, 0, 0), rec(12.5, event.Finished, 0, 0),
		{At: 30 * time.Millisecond, Kind: event.Panicked, ID: 1, Slot: 1, Detail: "boom \"quoted\"\n\tstack"},
		{At: 30 * time.Millisecond, Kind: event.Halted, ID: -1, Slot: -1, N: 2},
	},
}

func TestEncodeReadsBack(t *testing.T) {
	data := trace.Encode(sample)
	require.True(t, json.Valid(data), "%s", data)
	got, skipped, err := trace.Read(bytes.NewReader(data))
	require.NoError(t, err)
	assert.Zero(t, skipped)
	assert.Equal(t, sample, got)
}

func TestEncodeDefaultsToRealClock(t *testing.T) {
	got, _, err := trace.Read(bytes.NewReader(trace.Encode(trace.Trace{Header: trace.Header{Pattern: "pool"}})))
	require.NoError(t, err)
	assert.Equal(t, trace.RealClock, got.Clock)
	assert.Empty(t, got.Events)
}

// Events from many goroutines all land in the file, whole.
func TestWriterTakesConcurrentEvents(t *testing.T) {
	var out bytes.Buffer
	w := trace.NewWriter(&out, trace.Header{Pattern: "tasks"})
	hook := w.Hook()
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 500 {
				hook(event.Event{Time: time.Now(), Kind: event.Started, ID: g*1000 + i, Slot: -1, Err: errors.New("x")})
			}
		})
	}
	wg.Wait()
	require.NoError(t, w.Close())
	hook(event.Event{Time: time.Now(), Kind: event.Finished}) // after Close: dropped
	require.NoError(t, w.Close())
	got, _, err := trace.Read(&out)
	require.NoError(t, err)
	assert.Len(t, got.Events, 4000)
	assert.Equal(t, 4000, w.Len())
	ids := map[int32]bool{}
	for i, r := range got.Events {
		ids[r.ID] = true
		assert.Equal(t, "x", r.Detail)
		if i > 0 {
			assert.GreaterOrEqual(t, r.At, got.Events[i-1].At, "sorted by time")
		}
	}
	assert.Len(t, ids, 4000)
}

type failing struct{}

func (failing) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriterReportsTheFirstWriteError(t *testing.T) {
	w := trace.NewWriter(failing{}, trace.Header{Pattern: "tasks"})
	w.Hook()(event.Event{Time: time.Now(), Kind: event.Started})
	assert.ErrorContains(t, w.Close(), "disk full")
}

func TestRingKeepsTheLastN(t *testing.T) {
	r := trace.NewRing(3)
	hook := r.Hook()
	kept, dropped := r.Records()
	assert.Empty(t, kept)
	assert.Zero(t, dropped)
	for i := range 2 {
		hook(event.Event{Time: time.Now(), Kind: event.Started, ID: i})
	}
	kept, _ = r.Records()
	assert.Equal(t, []int32{0, 1}, ids(kept))
	for i := 2; i < 7; i++ {
		hook(event.Event{Time: time.Now(), Kind: event.Started, ID: i})
	}
	kept, dropped = r.Records()
	assert.Equal(t, []int32{4, 5, 6}, ids(kept), "oldest first")
	assert.Equal(t, 4, dropped)
}

func ids(rs []event.Record) []int32 {
	var out []int32
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

func TestReadSkipsUnknownKinds(t *testing.T) {
	data := `{"format":"concurrency-patterns-trace","version":1,"pattern":"stream","clock":"real","params":{},
	  "events":[{"t":2,"kind":"started","id":0,"slot":0},{"t":1,"kind":"my_own","id":0,"slot":-1},{"t":1,"kind":"pulled","id":0,"slot":-1}]}`
	got, skipped, err := trace.Read(strings.NewReader(data))
	require.NoError(t, err)
	assert.Equal(t, 1, skipped)
	require.Len(t, got.Events, 2)
	assert.Equal(t, event.Pulled, got.Events[0].Kind, "sorted by time")
}

func TestReadRefusesWithAReason(t *testing.T) {
	head := `{"format":"concurrency-patterns-trace","version":1,"pattern":"stream","clock":"real","events":[`
	for name, c := range map[string]struct{ data, says string }{
		"not json":      {"hello", "not valid JSON"},
		"other json":    {`{"a":1}`, `format is missing`},
		"other format":  {`{"format":"perfetto"}`, `"perfetto"`},
		"no version":    {`{"format":"concurrency-patterns-trace"}`, "no version"},
		"newer":         {`{"format":"concurrency-patterns-trace","version":2}`, "version 2; this reader reads version 1"},
		"no pattern":    {`{"format":"concurrency-patterns-trace","version":1,"clock":"real"}`, "names no pattern"},
		"bad clock":     {`{"format":"concurrency-patterns-trace","version":1,"pattern":"x","clock":"moon"}`, `"moon"`},
		"negative time": {head + `{"t":-1,"kind":"started","id":0,"slot":0}]}`, "event 0"},
		"no time":       {head + `{"kind":"started","id":0,"slot":0}]}`, "event 0 has no time"},
		"fraction id":   {head + `{"t":1,"kind":"started","id":0.5,"slot":0}]}`, "32-bit"},
		"huge id":       {head + `{"t":1,"kind":"started","id":1e12,"slot":0}]}`, "32-bit"},
		"truncated":     {head + `{"t":1,"kind":"sta`, "not valid JSON"},
	} {
		t.Run(name, func(t *testing.T) {
			_, _, err := trace.Read(strings.NewReader(c.data))
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.says)
		})
	}
}

func TestReadRefusesTooLarge(t *testing.T) {
	big := bytes.Repeat([]byte(" "), trace.MaxBytes+1)
	_, _, err := trace.Read(bytes.NewReader(big))
	assert.ErrorContains(t, err, "larger than 32 MB")

	var b strings.Builder
	b.WriteString(`{"format":"concurrency-patterns-trace","version":1,"pattern":"x","clock":"real","events":[`)
	for i := range trace.MaxEvents + 1 {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{}`)
	}
	b.WriteString("]}")
	_, _, err = trace.Read(strings.NewReader(b.String()))
	assert.ErrorContains(t, err, "at most 500000")
}

// Times come back to the nanosecond.
func TestTimesRoundTrip(t *testing.T) {
	in := trace.Trace{Header: trace.Header{Pattern: "stream", Clock: trace.RealClock}}
	for i := range 2000 {
		in.Events = append(in.Events, event.Record{At: time.Duration(i)*time.Millisecond + time.Duration(i*7919%1000003), Kind: event.Started})
	}
	got, _, err := trace.Read(bytes.NewReader(trace.Encode(in)))
	require.NoError(t, err)
	for i := range in.Events {
		require.Equal(t, in.Events[i].At, got.Events[i].At, "event %d", i)
	}
}
