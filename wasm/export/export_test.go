package export_test

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/patterns/trace"
	"github.com/concurrency-patterns/playground/wasm/export"
)

func ev(ms float64, k event.Kind, id, slot int) event.Record {
	return event.Record{At: time.Duration(ms * float64(time.Millisecond)), Kind: k, ID: int32(id), Slot: int32(slot)}
}

var trace0 = []event.Record{
	ev(0, event.Pulled, 0, -1), ev(0, event.Started, 0, 0),
	ev(0, event.Pulled, 1, -1), ev(0, event.Started, 1, 1),
	ev(12.5, event.Finished, 0, 0), ev(12.5, event.Emitted, 0, -1),
	{At: 30 * time.Millisecond, Kind: event.Panicked, ID: 1, Slot: 1, Detail: "boom \"quoted\"\n\tstack\x01 \xff"},
	{At: 30 * time.Millisecond, Kind: event.Halted, ID: -1, Slot: -1, N: 2},
}

func TestJSON(t *testing.T) {
	out := export.JSON("stream", map[string]string{"items": "2", "ordered": "true"}, trace0)
	var got struct {
		Pattern string
		Params  map[string]string
		Events  []struct {
			T      float64
			Kind   string
			ID     int
			Slot   int
			N      int
			Detail string
		}
	}
	require.NoError(t, json.Unmarshal(out, &got), "%s", out)
	assert.Equal(t, "stream", got.Pattern)
	assert.Equal(t, "2", got.Params["items"])
	require.Len(t, got.Events, len(trace0))
	assert.Equal(t, 12.5, got.Events[4].T)
	assert.Equal(t, "finished", got.Events[4].Kind)
	assert.Equal(t, "boom \"quoted\"\n\tstack\x01 \ufffd", got.Events[6].Detail, "escaped, and invalid UTF-8 replaced")
	assert.Equal(t, 2, got.Events[7].N)
	assert.Equal(t, -1, got.Events[7].Slot)
	assert.True(t, json.Valid(export.JSON("x", nil, nil)))
}

func TestChrome(t *testing.T) {
	out := export.Chrome("stream", view.TaskLife, trace0)
	var got struct {
		DisplayTimeUnit string
		TraceEvents     []struct {
			Name, Ph, Cat, S string
			Pid, Tid         int
			Ts, Dur          float64
			Args             map[string]any
		}
	}
	require.NoError(t, json.Unmarshal(out, &got), "%s", out)
	assert.Equal(t, "ms", got.DisplayTimeUnit)
	byPh := map[string]int{}
	for _, e := range got.TraceEvents {
		byPh[e.Ph]++
		switch {
		case e.Ph == "X" && e.Name == "item 0":
			assert.Equal(t, 0, e.Tid)
			assert.Equal(t, 0.0, e.Ts)
			assert.Equal(t, 12500.0, e.Dur, "microseconds")
			assert.Equal(t, "finished", e.Cat)
		case e.Ph == "X" && e.Name == "item 1":
			assert.Equal(t, 1, e.Tid, "tid is the slot")
			assert.Equal(t, 30000.0, e.Dur)
		case e.Ph == "i" && e.Name == "crash: item 1":
			assert.Equal(t, "t", e.S)
			assert.Equal(t, 1, e.Tid)
		case e.Ph == "i":
			assert.Equal(t, "halted", e.Name)
			assert.Equal(t, "g", e.S, "a halt belongs to no track")
		}
	}
	assert.Equal(t, map[string]int{"M": 3, "X": 2, "i": 2}, byPh, "a process name, two track names")
}

func TestChromeGivesUnitsWithoutSlotsFreeTracks(t *testing.T) {
	tasks := []event.Record{
		ev(0, event.Started, 0, -1), ev(0, event.Started, 1, -1), ev(5, event.Finished, 0, -1),
		ev(6, event.Started, 2, -1), ev(9, event.Finished, 1, -1), ev(9, event.Finished, 2, -1),
	}
	var got struct {
		TraceEvents []struct {
			Name, Ph string
			Tid      int
		}
	}
	require.NoError(t, json.Unmarshal(export.Chrome("task", view.TaskLife, tasks), &got))
	tids := map[string]int{}
	for _, e := range got.TraceEvents {
		if e.Ph == "X" {
			tids[e.Name] = e.Tid
		}
	}
	assert.Equal(t, map[string]int{"item 0": 0, "item 1": 1, "item 2": 0}, tids)
}

// A workload's own kinds (package scenario names them through
// event.NameKind) are exported by name, and the name reads back as the kind.
func TestJSONNamesAWorkloadsOwnKinds(t *testing.T) {
	spawn := []event.Record{ev(0, scenario.RequestArrived, 0, -1), ev(1, scenario.RequestShed, 1, -1),
		{At: 2 * time.Millisecond, Kind: scenario.OutOfMemory, ID: -1, Slot: -1, N: 1088}}
	var got struct{ Events []struct{ Kind string } }
	require.NoError(t, json.Unmarshal(export.JSON("spawn", nil, spawn), &got))
	require.Len(t, got.Events, len(spawn))
	for i, e := range got.Events {
		assert.NotEqual(t, "unknown", e.Kind)
		k, ok := event.ParseKind(e.Kind)
		assert.True(t, ok, e.Kind)
		assert.Equal(t, spawn[i].Kind, k)
	}
	assert.Equal(t, "out_of_memory", got.Events[2].Kind)
}

// The download is a trace file that reads back as the same run.
func TestJSONReadsBackAsATrace(t *testing.T) {
	got, skipped, err := trace.Read(bytes.NewReader(export.JSON("stream", map[string]string{"items": "2"}, trace0)))
	require.NoError(t, err)
	assert.Zero(t, skipped)
	assert.Equal(t, "stream", got.Pattern)
	assert.Equal(t, trace.VirtualClock, got.Clock)
	want := slices.Clone(trace0)
	want[6].Detail = strings.ToValidUTF8(want[6].Detail, "\ufffd")
	assert.Equal(t, want, got.Events)
}
