package e2e

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestSpawnDemo runs both fences at one rate: the unbounded one grows past
// max, the bounded one never does, and both handle every request.
func TestSpawnDemo(t *testing.T) {
	p := demoPage(t, "spawn.html", "spawn(fn -> process(req) end)")
	assert.Equal(t, "unbounded", eval[string](p, `playgrounds[0].params().mode`))
	assert.Equal(t, "bounded", eval[string](p, `playgrounds[1].params().mode`))
	for i := range 2 {
		pg := `playgrounds[` + jsNum(i) + `]`
		assert.Empty(t, eval[[]map[string]string](p, pg+`.setParams({rate: "600", duration_ms: "1000", max: "15"})`))
		sum := await[map[string]float64](p, pg+`.run()`)
		assert.Equal(t, 600.0, sum["requests"])
		live := eval[map[string]float64](p, `(() => {
			let most = 0, started = 0, done = 0;
			for (const e of `+pg+`.trace()) {
				if (e.kind === "handler_started") { started++; most = Math.max(most, started - done); }
				if (e.kind === "handler_done") done++;
			}
			return {most: most, started: started, done: done};
		})()`)
		assert.Equal(t, 600.0, live["started"])
		assert.Equal(t, 600.0, live["done"])
		if i == 0 {
			assert.Greater(t, live["most"], 100.0, "a goroutine per request grows with the load")
		} else {
			assert.Equal(t, 15.0, live["most"], "bounded stays at max")
		}
	}
	p.noConsoleErrors()
}

func TestSpawnBadURL(t *testing.T) {
	checkBadURL(t, `spawn.html?mode=forever&rate=0`, "spawn", `got "forever"`).noConsoleErrors()
}

func TestSpawnScreens(t *testing.T) { demoScreens(t, "spawn.html", "heavy load, unbounded", 1500) }
