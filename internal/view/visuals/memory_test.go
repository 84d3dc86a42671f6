package visuals_test

import (
	"os"
	"runtime"
	"testing"
	"unsafe"

	"github.com/concurrency-patterns/playground/internal/scenario/scenariotest"
	"github.com/concurrency-patterns/playground/internal/view/visuals"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// TestMeasureTraceMemory reports what a run costs in memory per event: the
// trace's records plus what each pattern's visual builds from them (set
// PLAYGROUND_MEASURE=1; `make measure` does).
func TestMeasureTraceMemory(t *testing.T) {
	if os.Getenv("PLAYGROUND_MEASURE") == "" {
		t.Skip("set PLAYGROUND_MEASURE=1 to measure")
	}
	big := map[string]map[string]string{
		"stream":     {"items": "5000", "max_concurrency": "50", "fail_rate": "0.1"},
		"tasks":      {"items": "2000", "interval_ms": "5"},
		"timeout":    {"items": "2000", "interval_ms": "5"},
		"stage":      {"items": "5000"},
		"limiter":    {"items": "3000", "rate": "100"},
		"pool":       {"items": "3000", "rate": "100"},
		"supervisor": {"children": "200", "duration_ms": "60000"},
		"spawn":      {"rate": "1000", "duration_ms": "5000", "memory_mb": "1024"},
	}
	for name, params := range big {
		trace, _, v := scenariotest.Record(t, name, params)
		// Build the visual several times and keep them all, so that what
		// stays reachable stands out from the collector's noise.
		const copies = 20
		kit := visuals.For(name)
		kept := make([]any, copies)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.GC()
		runtime.ReadMemStats(&before)
		for i := range kept {
			kept[i] = kit.New(trace, v)
		}
		runtime.GC()
		runtime.GC()
		runtime.ReadMemStats(&after)
		runtime.KeepAlive(kept)
		// The trace: each record, plus each distinct error text once (the
		// recorder keeps one copy of each), at the runtime's 16-byte size class.
		record := float64(unsafe.Sizeof(event.Record{}))
		texts := map[string]bool{}
		for _, r := range trace {
			if n := len(r.Detail); n > 0 && !texts[r.Detail] {
				texts[r.Detail] = true
				record += float64((n+15)/16*16) / float64(len(trace))
			}
		}
		index := float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / copies / float64(len(trace))
		t.Logf("%-10s %6d events: trace %.0f B/event; with the visual's index %.0f B/event", name, len(trace), record, record+index)
	}
}
