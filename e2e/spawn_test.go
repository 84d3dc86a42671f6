package e2e

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSpawnDemo runs the page's heavy-load presets, one per fence: a
// goroutine per request runs out of memory (or answers at least five times
// slower), the bounded handlers live, never number more than max, and shed
// what their queue cannot hold.
func TestSpawnDemo(t *testing.T) {
	p := demoPage(t, "spawn.html", "spawn(fn -> process(req) end)")
	assert.Equal(t, "unbounded", eval[string](p, `playgrounds[0].params().mode`))
	assert.Equal(t, "bounded", eval[string](p, `playgrounds[1].params().mode`))
	assert.Empty(t, eval[[]any](p, `playgrounds[0].applyPreset("heavy load, unbounded")`))
	assert.Empty(t, eval[[]any](p, `playgrounds[1].applyPreset("heavy load, bounded")`))
	un := await[map[string]float64](p, `playgrounds[0].run()`)
	bo := await[map[string]float64](p, `playgrounds[1].run()`)
	assert.Zero(t, bo["crashed"], "bounded: %v", bo)
	assert.True(t, un["crashed"] == 1 || un["p99_ms"] >= 5*bo["p99_ms"], "unbounded %v, bounded %v", un, bo)
	assert.Positive(t, bo["shed"])
	for i, sum := range []map[string]float64{un, bo} {
		pg := `playgrounds[` + jsNum(i) + `]`
		assert.Equal(t, sum["requests"], sum["served"]+sum["shed"]+sum["failed"], "every request has one fate")
		tally := eval[map[string]float64](p, `(() => {
			let most = 0, live = 0, done = 0, shed = 0, last = "";
			for (const e of `+pg+`.trace()) {
				if (e.kind === "handler_started") { live++; most = Math.max(most, live); }
				if (e.kind === "handler_done") { live--; done++; }
				if (e.kind === "request_shed") shed++;
				last = e.kind;
			}
			return {most: most, done: done, shed: shed, oom: last === "out_of_memory" ? 1 : 0};
		})()`)
		assert.Equal(t, sum["served"], tally["done"])
		assert.Equal(t, sum["shed"], tally["shed"])
		assert.Equal(t, sum["crashed"], tally["oom"], "a crash is the run's last event")
		if i == 1 {
			assert.Equal(t, eval[float64](p, pg+`.params().max * 1`), tally["most"], "bounded stays at max")
		} else {
			assert.Greater(t, tally["most"], 100.0, "a goroutine per request piles up")
		}
	}
	p.noConsoleErrors()
}

// TestSpawnSweepShowsTheCliff sweeps the rate on both fences: the peak
// memory of a goroutine per request climbs to the budget and dies there,
// the bounded one levels off far below it.
func TestSpawnSweepShowsTheCliff(t *testing.T) {
	p := demoPage(t, "spawn.html")
	budget := 16.0 * 1024
	for i := range 2 {
		sweep := await[struct {
			Param  string           `json:"param"`
			Points []map[string]any `json:"points"`
		}](p, `playgrounds[`+jsNum(i)+`].sweep()`)
		assert.Equal(t, "rate", sweep.Param)
		require.NotEmpty(t, sweep.Points)
		lo, hi := budget*100, 0.0
		for _, pt := range sweep.Points {
			m := pt["max_memory_kb"].(float64)
			lo, hi = min(lo, m), max(hi, m)
		}
		assert.GreaterOrEqual(t, hi, 1.5*lo, "the figure moves")
		last := sweep.Points[len(sweep.Points)-1]["max_memory_kb"].(float64)
		if i == 0 {
			assert.Greater(t, last, budget, "unbounded runs out of memory at the highest rate")
		} else {
			assert.Less(t, hi, budget/10, "bounded stays far below the budget")
		}
	}
	p.noConsoleErrors()
}

func TestSpawnBadURL(t *testing.T) {
	checkBadURL(t, `spawn.html?mode=forever&rate=0`, "spawn", `got "forever"`).noConsoleErrors()
}

func TestSpawnScreens(t *testing.T) { demoScreens(t, "spawn.html", "heavy load, unbounded", 256) }
