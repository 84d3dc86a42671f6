package e2e

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestPoolDemo runs the pool with its own parameters and checks in the
// exported trace: never more workers out than size plus overflow, and
// waiters served in the order they came.
func TestPoolDemo(t *testing.T) {
	p := demoPage(t, "pool.html", "poolboy")
	n := eval[int](p, `playgrounds.length`)
	assert.Equal(t, 3, n, "the demo, then the bad way and the good way")
	assert.Equal(t, "pool", eval[string](p, `playgrounds[0].pattern`))
	assert.Equal(t, "spawn", eval[string](p, `playgrounds[1].pattern`))
	assert.Empty(t, eval[[]map[string]string](p, `playgrounds[0].setParams({items: "80", size: "3", max_overflow: "2", rate: "40", timeout: "400"})`))
	sum := await[map[string]float64](p, `playgrounds[0].run()`)
	assert.Positive(t, sum["timed_out"])
	assert.Equal(t, 2.0, sum["overflow_max"])
	check := eval[map[string]bool](p, `(() => {
		let out = 0, bound = true, fifo = true;
		const line = [];
		for (const e of playgrounds[0].trace()) {
			if (e.kind === "checked_out") {
				out++;
				const i = line.indexOf(e.id);
				if (i > 0) fifo = false;
				if (i >= 0) line.splice(i, 1);
			}
			if (e.kind === "checked_in" || e.kind === "worker_died") out--;
			if (out > 5) bound = false;
			if (e.kind === "checkout_waiting") line.push(e.id);
			if (e.kind === "worker_replaced" || e.kind === "overflow_started") { const i = line.indexOf(e.id); if (i > 0) fifo = false; }
			if (e.kind === "checkout_failed") { const i = line.indexOf(e.id); if (i >= 0) line.splice(i, 1); }
		}
		return {bound: bound, fifo: fifo};
	})()`)
	assert.Equal(t, map[string]bool{"bound": true, "fifo": true}, check)
	p.noConsoleErrors()
}

func TestPoolBadURL(t *testing.T) {
	checkBadURL(t, `pool.html?size=-1&strategy=random`, "poolboy", "from 1 to 500", `got "random"`).noConsoleErrors()
}

func TestPoolScreens(t *testing.T) { demoScreens(t, "pool.html", "dying workers", 1200) }
