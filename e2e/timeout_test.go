package e2e

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTimeoutPage: a run with its own parameters keeps the promises of the
// pattern in its trace: every caller gets one answer no later than its
// deadline plus the shutdown time, a late reply follows its task's
// return, and an abandoned task is reported, then returns by itself.
func TestTimeoutPage(t *testing.T) {
	p := demoPage(t, "timeout.html", "Task.yield")
	assert.Equal(t, "timeout", eval[string](p, `playgrounds[0].pattern`))

	p.setField("timeout", "350")
	p.setField("shutdown", "100")
	p.setField("stubborn_rate", "0.5")
	p.setField("items", "24")
	sum := await[map[string]float64](p, `playgrounds[0].run()`)
	assert.Equal(t, 24.0, sum["ok"]+sum["timed_out"]+sum["late"]+sum["abandoned"]+sum["crashed"])
	assert.Positive(t, sum["abandoned"])
	trace := eval[[]traceEvent](p, `playgrounds[0].trace()`)
	start, answered, returned, gone := map[int]float64{}, map[int]bool{}, map[int]bool{}, map[int]float64{}
	for _, e := range trace {
		switch e.Kind {
		case "started":
			start[e.ID] = e.T
		case "finished", "failed", "panicked":
			require.False(t, returned[e.ID], "task %d returns once", e.ID)
			returned[e.ID] = true
			if at, ok := gone[e.ID]; ok {
				require.Greater(t, e.T, at, "an abandoned task returns after it was given up")
			}
		case "timed_out", "late", "abandoned":
			require.False(t, answered[e.ID], "one answer for task %d", e.ID)
			answered[e.ID] = true
			require.LessOrEqual(t, e.T-start[e.ID], 350.0+100.0, "task %d answered within its deadline and grace", e.ID)
			if e.Kind == "late" {
				require.True(t, returned[e.ID], "a late reply is a reply")
			}
			if e.Kind == "abandoned" {
				require.False(t, returned[e.ID])
				gone[e.ID] = e.T
			}
		}
	}
	assert.Len(t, returned, 24, "every goroutine returned in the end")
	p.noConsoleErrors()
}

// TestTimeoutBadURL: bad values are named and the page reads on.
func TestTimeoutBadURL(t *testing.T) {
	p := checkBadURL(t, `timeout.html?timeout=0&shutdown=-1&stubborn_rate=x`, "Task.shutdown", "or infinity", `got "x"`)
	assert.True(t, p.refusesToRun(0))
	p.noConsoleErrors()
}

// TestTimeoutScreens saves the demo with stubborn tasks mid-run, while
// abandoned goroutines still run, with the sweep of timeout plotted.
func TestTimeoutScreens(t *testing.T) {
	onScreens(t, "timeout.html", func(t *testing.T, p *page, s screen) {
		assert.Empty(t, eval[[]any](p, `playgrounds[0].applyPreset("stubborn tasks")`))
		await[map[string]float64](p, `playgrounds[0].run()`)
		await[map[string]any](p, `playgrounds[0].sweep()`)
		eval[float64](p, `playgrounds[0].seek(1150)`)
		eval[bool](p, `(document.querySelectorAll(".playground details").forEach(d => d.open = true), true)`)
		await[bool](p, nextFrame)
		p.shootDemo(0, "timeout-"+s.name)
	})
}
