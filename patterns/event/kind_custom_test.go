package event_test

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/event"
)

// The kinds these tests name; the block is process-wide, so each test
// takes kinds of its own.
var (
	retried   = event.NameKind(event.CustomKinds+event.NumCustomKinds-1, "retried")
	deferred  = event.CustomKinds + event.NumCustomKinds - 2 // named by TestNameKindFromManyGoroutines
	unnamedAt = event.CustomKinds + event.NumCustomKinds - 3 // never named
)

func TestNameKindRoundTrips(t *testing.T) {
	assert.Equal(t, "retried", retried.String())
	back, ok := event.ParseKind("retried")
	require.True(t, ok)
	assert.Equal(t, retried, back)
	assert.Equal(t, "unknown", unnamedAt.String(), "a custom kind nobody named")
	e := event.Event{Time: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), Kind: retried, ID: 3, Slot: -1}
	assert.Equal(t, "00:00:00.000 retried id=3", e.String())
}

func TestNameKindRefusesMisuse(t *testing.T) {
	cases := []struct {
		name string
		k    event.Kind
		as   string
		want string
	}{
		{"below the block", event.CustomKinds - 1, "mine", "event: NameKind(191, \"mine\"): custom kinds go from 192 to 223"},
		{"above the block", event.CustomKinds + event.NumCustomKinds, "mine", "event: NameKind(224, \"mine\"): custom kinds go from 192 to 223"},
		{"empty name", unnamedAt, "", "event: NameKind(221, \"\"): a kind needs a name of its own"},
		{"unknown", unnamedAt, "unknown", "event: NameKind(221, \"unknown\"): a kind needs a name of its own"},
		{"a pattern's name", unnamedAt, "timed_out", "event: NameKind(221, \"timed_out\"): the name is taken by kind 6"},
		{"a custom name", unnamedAt, "retried", "event: NameKind(221, \"retried\"): the name is taken by kind 223"},
		{"named twice", retried, "again", "event: NameKind(223, \"again\"): the kind is already named \"retried\""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.PanicsWithValue(t, tc.want, func() { event.NameKind(tc.k, tc.as) })
		})
	}
	assert.Equal(t, "unknown", unnamedAt.String(), "a refused name is not kept")
}

// Many goroutines race to name one kind while others read names: exactly
// one wins, and the race detector sees no data race.
func TestNameKindFromManyGoroutines(t *testing.T) {
	var wg sync.WaitGroup
	var mu sync.Mutex
	won := 0
	for g := range 8 {
		wg.Go(func() {
			defer func() {
				if recover() == nil {
					mu.Lock()
					won++
					mu.Unlock()
				}
			}()
			_ = deferred.String()
			event.NameKind(deferred, fmt.Sprint("deferred_", g))
		})
	}
	wg.Wait()
	assert.Equal(t, 1, won)
	assert.Contains(t, deferred.String(), "deferred_")
}
