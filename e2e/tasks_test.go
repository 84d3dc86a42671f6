package e2e

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// traceEvent is one event of a demo's exported trace.
type traceEvent struct {
	T      float64 `json:"t"`
	Kind   string  `json:"kind"`
	ID     int     `json:"id"`
	Detail string  `json:"detail"`
}

// TestTasksPage: the page explains the pattern, shows both demos, and the
// supervised demo run with a bound keeps it: never more alive than
// max_children, refusals counted, every started task ended exactly once.
func TestTasksPage(t *testing.T) {
	p := newPage(t)
	p.show(desktop)
	p.open("tasks.html")
	p.waitReady()
	text := run(p, "text", chromedp.Text(chromedp.CSS("main")))
	assert.Contains(t, text, "Task.Supervisor.async_nolink")
	assert.Equal(t, 2, eval[int](p, `playgrounds.length`))
	assert.Equal(t, "bare", eval[string](p, `playgrounds[0].params().mode`))
	assert.Equal(t, "supervised", eval[string](p, `playgrounds[1].params().mode`))

	assert.Empty(t, eval[[]any](p, `playgrounds[1].setParams({max_children: "3", items: "30", interval_ms: "20", fail_rate: "0.3"})`))
	sum := await[map[string]float64](p, `playgrounds[1].run()`)
	assert.LessOrEqual(t, sum["max_running"], 3.0)
	assert.Positive(t, sum["refused"])
	assert.Zero(t, sum["died"], "a supervised crash is contained")
	trace := eval[[]traceEvent](p, `playgrounds[1].trace()`)
	alive, ended := map[int]bool{}, map[int]int{}
	refused := 0
	for _, e := range trace {
		switch e.Kind {
		case "started":
			alive[e.ID] = true
			require.LessOrEqual(t, len(alive), 3, "max_children holds at %v ms", e.T)
		case "finished", "panicked", "failed":
			require.True(t, alive[e.ID], "task %d ends after it started", e.ID)
			delete(alive, e.ID)
			ended[e.ID]++
		case "refused":
			refused++
		}
	}
	assert.Empty(t, alive, "every task ended")
	assert.Equal(t, 30, len(ended)+refused, "every start was either run or refused")
	p.noConsoleErrors()
}

// TestTasksBareDies: in bare mode the first panic ends the program: after
// the death nothing starts and nothing ends but the tasks lost with it,
// at that same instant.
func TestTasksBareDies(t *testing.T) {
	p := newPage(t)
	p.show(desktop)
	p.open("tasks.html")
	p.waitReady()
	assert.Empty(t, eval[[]any](p, `playgrounds[0].applyPreset("bare, flaky (program dies)")`))
	sum := await[map[string]float64](p, `playgrounds[0].run()`)
	require.Equal(t, 1.0, sum["died"])
	trace := eval[[]traceEvent](p, `playgrounds[0].trace()`)
	died := -1.0
	alive := map[int]bool{}
	for _, e := range trace {
		if died >= 0 {
			require.Equal(t, "cancelled", e.Kind, "only the lost tasks after the death")
			require.Equal(t, died, e.T)
			require.True(t, alive[e.ID])
			delete(alive, e.ID)
			continue
		}
		switch e.Kind {
		case "started":
			alive[e.ID] = true
		case "finished":
			delete(alive, e.ID)
		case "died":
			died = e.T
			delete(alive, e.ID)
		}
	}
	assert.Empty(t, alive, "every task still running was lost")
	assert.Equal(t, sum["lost"], float64(len(trace)-indexOfKind(trace, "died")-1))
	p.noConsoleErrors()
}

func indexOfKind(trace []traceEvent, kind string) int {
	for i, e := range trace {
		if e.Kind == kind {
			return i
		}
	}
	return -1
}

// TestTasksBadURL: bad values in the link are named, and the page reads on.
func TestTasksBadURL(t *testing.T) {
	p := newPage(t)
	p.show(desktop)
	run(p, "opening", chromedp.Navigate(env.baseURL+`tasks.html?mode=forever&max_children=0&fail_rate=2`))
	p.waitReady()
	messages := eval[string](p, `[...document.querySelectorAll(".playground .pg-msg")].map(m => m.textContent).join("\n")`)
	assert.Contains(t, messages, "supervised")
	assert.Contains(t, messages, "from 1 to 10000, or infinity")
	assert.Contains(t, messages, `got "2"`)
	assert.Contains(t, run(p, "text", chromedp.Text(chromedp.CSS("main"))), "Task.Supervisor.async_nolink")
	assert.False(t, eval[bool](p, `document.querySelectorAll(".playground .pg-run")[1].disabled`), "the second demo is untouched")
	p.noConsoleErrors()
}

// TestTasksScreens saves the two demos of the page, on a desktop and a
// phone, light and dark: the bare one at its death, the bounded one done.
func TestTasksScreens(t *testing.T) {
	for _, s := range []screen{desktop, phone, desktop.inDark(), phone.inDark()} {
		t.Run(s.name, func(t *testing.T) {
			p := newPage(t)
			p.show(s)
			p.open("tasks.html")
			p.waitReady()
			assert.Empty(t, eval[[]any](p, `playgrounds[0].applyPreset("bare, flaky (program dies)")`))
			await[map[string]float64](p, `playgrounds[0].run()`)
			eval[float64](p, `playgrounds[0].seek(1e9)`)
			assert.Empty(t, eval[[]any](p, `playgrounds[1].applyPreset("max_children bound")`))
			await[map[string]float64](p, `playgrounds[1].run()`)
			eval[float64](p, `playgrounds[1].seek(700)`)
			await[bool](p, nextFrame)
			shootDemo(t, p, 0, "tasks-bare-"+s.name)
			shootDemo(t, p, 1, "tasks-bound-"+s.name)
			p.noConsoleErrors()
		})
	}
}

// shootDemo saves demo i of the page alone as artifacts/NAME.png.
func shootDemo(t *testing.T, p *page, i int, name string) {
	t.Helper()
	eval[bool](p, `(document.querySelectorAll(".playground").forEach((d, j) => d.id = j === `+strconv.Itoa(i)+` ? "pg-shot" : ""), true)`)
	assert.True(t, eval[bool](p, `document.documentElement.scrollWidth <= document.documentElement.clientWidth`),
		"the page is wider than the screen")
	png := run(p, "screenshot", chromedp.Screenshot(chromedp.CSS("#pg-shot")))
	require.NoError(t, os.MkdirAll(artifacts, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(artifacts, name+".png"), png, 0o644))
}
