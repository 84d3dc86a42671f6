package e2e

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestLimiterDemo runs the limiter with its own parameters and checks in
// the exported trace that the limiter kept its promises: never more than
// max holders, and slots handed to waiters in the order they queued.
func TestLimiterDemo(t *testing.T) {
	p := demoPage(t, "limiter.html", "RateLimiter")
	assert.Equal(t, "limiter", eval[string](p, `playgrounds[0].pattern`))
	assert.Empty(t, eval[[]map[string]string](p, `playgrounds[0].setParams({items: "60", max: "2", rate: "30", timeout: "600"})`))
	sum := await[map[string]float64](p, `playgrounds[0].run()`)
	assert.Equal(t, 2.0, sum["max_active"])
	assert.Positive(t, sum["gave_up"])
	assert.Equal(t, 60.0, sum["granted"]+sum["gave_up"])
	check := eval[map[string]bool](p, `(() => {
		let active = 0, ok = true, fifo = true;
		const line = [];
		for (const e of playgrounds[0].trace()) {
			if (e.kind === "acquired" || e.kind === "granted") active++;
			if (e.kind === "released") active--;
			if (active > 2) ok = false;
			if (e.kind === "queued") line.push(e.id);
			if (e.kind === "gave_up") { const i = line.indexOf(e.id); if (i >= 0) line.splice(i, 1); }
			if (e.kind === "granted") { if (line[0] !== e.id) fifo = false; line.shift(); }
		}
		return {bound: ok, fifo: fifo};
	})()`)
	assert.Equal(t, map[string]bool{"bound": true, "fifo": true}, check)
	p.noConsoleErrors()
}

func TestLimiterBadURL(t *testing.T) {
	checkBadURL(t, `limiter.html?max=0&rate=fast`, "RateLimiter", "from 1 to 1000", `got "fast"`).noConsoleErrors()
}

func TestLimiterScreens(t *testing.T) { demoScreens(t, "limiter.html", "impatient callers", 900) }
