package event_test

import (
	"errors"
	"sync"
	"testing"
	"time"
	"unsafe"

	"github.com/stretchr/testify/assert"

	"github.com/concurrency-patterns/playground/patterns/event"
)

func TestKindNamesRoundTrip(t *testing.T) {
	seen := map[string]bool{}
	for i := range 256 {
		k := event.Kind(i)
		name := k.String()
		if name == "unknown" {
			continue
		}
		assert.False(t, seen[name], "duplicate name %s", name)
		seen[name] = true
		back, ok := event.ParseKind(name)
		assert.True(t, ok)
		assert.Equal(t, k, back)
	}
	assert.Contains(t, seen, "timed_out")
	_, ok := event.ParseKind("unknown")
	assert.False(t, ok)
	assert.Equal(t, "unknown", event.Kind(0).String())
}

func TestEventString(t *testing.T) {
	at := time.Date(2000, 1, 1, 0, 0, 1, 250e6, time.UTC)
	e := event.Event{Time: at, Kind: event.Panicked, ID: 4, Slot: 2, Err: errors.New("boom")}
	assert.Equal(t, "00:00:01.250 panicked id=4 slot=2: boom", e.String())
	e = event.Event{Time: at, Kind: event.Pulled, ID: 5, Slot: -1, N: 3}
	assert.Equal(t, "00:00:01.250 pulled id=5 n=3", e.String())
}

func TestRecordIsSmall(t *testing.T) {
	assert.LessOrEqual(t, unsafe.Sizeof(event.Record{}), uintptr(40))
}

func TestRecorderKeepsEveryEventFromManyGoroutines(t *testing.T) {
	origin := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	r := event.NewRecorder(origin)
	hook := r.Hook()
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 100 {
				hook(event.Event{Time: origin.Add(time.Duration(i) * time.Millisecond), Kind: event.Started, ID: g*100 + i, Slot: g})
			}
		})
	}
	wg.Wait()
	recs := r.Records()
	assert.Len(t, recs, 800)
	ids := map[int32]bool{}
	for _, rec := range recs {
		ids[rec.ID] = true
		assert.Equal(t, time.Duration(rec.ID%100)*time.Millisecond, rec.At)
	}
	assert.Len(t, ids, 800)
	hook(event.Event{Time: origin, Kind: event.Failed, ID: 1, Slot: -1, Err: errors.New("why")})
	last := r.Records()[800]
	assert.Equal(t, "why", last.Detail)
	assert.Equal(t, int32(-1), last.Slot)
}

func TestRecorderKeepsOneCopyOfEachErrorText(t *testing.T) {
	r := event.NewRecorder(time.Time{})
	hook := r.Hook()
	for range 3 {
		hook(event.Event{Kind: event.TimedOut, Err: errors.New("task: timeout")})
	}
	recs := r.Records()
	assert.Equal(t, "task: timeout", recs[2].Detail)
	assert.Same(t, unsafe.StringData(recs[0].Detail), unsafe.StringData(recs[2].Detail), "the same text is stored once")
}
