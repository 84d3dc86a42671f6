package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSupervisorPage: the page reads without a run, with its three demos:
// the main one and the bad and good way of bounding children.
func TestSupervisorPage(t *testing.T) {
	p := newPage(t)
	p.show(desktop)
	p.open("supervisor.html")
	text := run(p, "text", chromedp.Text(chromedp.CSS("main")))
	for _, s := range []string{"DynamicSupervisor", "Restart intensity", "max_children", "func classify"} {
		assert.Contains(t, text, s)
	}
	p.waitReady()
	assert.Equal(t, 3, eval[int](p, `playgrounds.length`))
	assert.Equal(t, "supervisor", eval[string](p, `playgrounds[0].pattern`))
	names := eval[[]string](p, `playgrounds[0].presets()`)
	assert.Subset(t, names, []string{"steady", "crash loop", "transient workers", "temporary workers", "max_children bound"})
	p.linksResolve()
	p.noConsoleErrors()
}

// TestSupervisorDemoRuns runs non-default parameters through the API and
// checks the supervisor's promises in the exported trace: never more
// children than max_children, never more restarts in a window than
// allowed, nothing started after the give-up, and every child stopped.
func TestSupervisorDemoRuns(t *testing.T) {
	p := demoPage(t, "supervisor.html")
	require.Empty(t, eval[[]any](p, `playgrounds[0].setParams({children: "20", max_children: "6", max_restarts: "4",
		max_seconds: "2", work_ms_min: "200", work_ms_max: "1500", fail_rate: "0.6", duration_ms: "20000"})`))
	sum := await[map[string]float64](p, `playgrounds[0].run()`)
	assert.Equal(t, 6.0, sum["children"])
	assert.Equal(t, 14.0, sum["max_children_refused"])
	assert.Equal(t, 1.0, sum["gave_up"], "%v", sum)

	trace := eval[[]traceEvent](p, `playgrounds[0].trace()`)
	require.NotEmpty(t, trace)
	running := map[int]bool{}
	var restarts []float64
	gaveUp := -1.0
	for _, e := range trace {
		switch e.Kind {
		case "child_started":
			assert.Negative(t, gaveUp, "child %d started after the give-up", e.ID)
			running[e.ID] = true
			assert.LessOrEqual(t, len(running), 6, "max_children holds at %v ms", e.T)
		case "child_exited", "child_crashed", "child_shutdown", "child_abandoned":
			delete(running, e.ID)
		case "child_restarted":
			restarts = append(restarts, e.T)
			n := 0
			for _, r := range restarts {
				if e.T-r < 2000 {
					n++
				}
			}
			assert.LessOrEqual(t, n, 4, "restarts within max_seconds at %v ms", e.T)
		case "supervisor_gave_up":
			gaveUp = e.T
			assert.Contains(t, e.Detail, "reached max restart intensity")
		}
	}
	assert.Empty(t, running, "every child ended")
	last := trace[len(trace)-1]
	assert.Equal(t, "supervisor_stopped", last.Kind)
	assert.Contains(t, last.Detail, "reached max restart intensity")

	run(p, "letting it draw", chromedp.Poll[bool](inkedPixels+` > 1000`))
	eval[float64](p, `playgrounds[0].seek(`+jsNum(gaveUp)+`)`)
	await[bool](p, nextFrame)
	p.noConsoleErrors()
}

// TestSupervisorBadURL: bad values are named, nothing breaks, and fixing
// them makes the demo run.
func TestSupervisorBadURL(t *testing.T) {
	p := checkBadURL(t, `supervisor.html?max_restarts=-1&restart=forever&max_seconds=0&children=%3Cb%3E`, "DynamicSupervisor",
		"from 0 to 100", "forever")
	assert.Contains(t, p.fieldMessages(), `got "<b>"`, "shown as text, never as markup")
	assert.Zero(t, eval[int](p, `document.querySelectorAll(".playground b").length`))
	assert.True(t, p.refusesToRun(0))

	require.Empty(t, eval[[]any](p, `playgrounds[0].setParams({max_restarts: "3", restart: "transient", max_seconds: "5", children: "4"})`))
	run(p, "the fixed values run", chromedp.Poll[bool](`(s => s !== null && s.children === 4)(playgrounds[0].summary())`))
	p.noConsoleErrors()
}

// TestSupervisorScreens saves the demo, paused at the give-up of the
// crash loop and mid-run of the bounded preset, on a desktop and a phone,
// light and dark, for a person to look at.
func TestSupervisorScreens(t *testing.T) {
	onScreens(t, "supervisor.html", func(t *testing.T, p *page, s screen) {
		for _, shot := range []struct{ preset, at string }{
			{"crash loop", "1e9"},
			{"max_children bound", "playgrounds[0].trace().at(-1).t * 0.6"},
		} {
			p.runPresetTo(0, shot.preset, shot.at)
			await[bool](p, nextFrame)
			p.shootDemo(0, "supervisor-"+strings.ReplaceAll(shot.preset, " ", "-")+"-"+s.name)
		}
	})
}
