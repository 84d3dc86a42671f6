package e2e

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/domdebugger"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/patterns/trace"
)

// TestReplayEveryPattern records each pattern's workload with the example
// program, on real time, and opens it on the replay page: by address, or
// for two of them with the file picker. The page replaces its stream demo
// with one of the trace's pattern, whose figures are the program's own.
func TestReplayEveryPattern(t *testing.T) {
	picked := map[string]bool{"pool": true, "supervisor": true}
	shot := map[string]bool{"pool": true, "stage": true}
	for _, name := range recordedPatterns {
		t.Run(name, func(t *testing.T) {
			r := recordProgram(t, name)
			var p *page
			if picked[name] {
				p = demoPage(t, "replay.html")
				run(p, "picking the file", chromedp.SetUploadFiles(chromedp.CSS(`#replay-file`), []string{r.path}))
				p.replayShown(r, r.file)
			} else {
				p = demoPage(t, "replay.html?trace="+r.file)
				p.replayShown(r, r.file)
			}
			if shot[name] {
				p.frameAt(float64(r.trace.Events[len(r.trace.Events)*2/3].At) / 1e6)
				p.screenshot("replay-" + name)
			}
			p.noConsoleErrors()
		})
	}
}

// hashOf is canvasHash for a canvas held in a variable of the page.
func hashOf(canvas string) string {
	return strings.Replace(canvasHash, `document.querySelector(".playground .pg-canvas")`, canvas, 1)
}

// listeners counts the event listeners on the page's window and on its
// demo's element, as DevTools lists them, by type.
func (p *page) listeners() map[string]int {
	p.t.Helper()
	out := map[string]int{}
	run(p, "listing listeners", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		for _, target := range []string{"window", `document.querySelector(".playground")`} {
			obj, err := cdp.Call(ctx, t, runtime.Evaluate, runtime.EvaluateParams{Expression: target})
			if err != nil {
				return err
			}
			if obj.ExceptionDetails != nil {
				return errors.New(obj.ExceptionDetails.Text)
			}
			ls, err := cdp.Call(ctx, t, domdebugger.GetEventListeners, domdebugger.GetEventListenersParams{ObjectID: obj.Result.ObjectID})
			if err != nil {
				return err
			}
			for _, l := range ls.Listeners {
				out[target+" "+l.Type]++
			}
		}
		return nil
	}))
	return out
}

// TestReplaySwitchesPattern opens a stream trace, then a pool trace, then
// a tasks trace on the same page. Each replaces the demo shown: the old
// one leaves window.playgrounds and the page, and no longer draws, though
// it was playing when it was replaced.
func TestReplaySwitchesPattern(t *testing.T) {
	stream, pool, tasks := recordProgram(t, "stream"), recordProgram(t, "pool"), recordProgram(t, "tasks")
	p := demoPage(t, "replay.html?trace="+stream.file)
	p.replayShown(stream, stream.file)
	demoParts := eval[int](p, `document.querySelector(".playground").children.length`)
	listening := p.listeners()
	require.NotZero(t, listening["window resize"])

	for _, next := range []struct {
		r    recorded
		open func(r recorded)
	}{
		{pool, func(r recorded) {
			run(p, "picking the file", chromedp.SetUploadFiles(chromedp.CSS(`#replay-file`), []string{r.path}))
		}},
		{tasks, func(r recorded) { p.drop(r.file, r.file) }},
	} {
		eval[bool](p, `(document.querySelector(".playground .pg-canvas").scrollIntoView(), true)`) // it plays on screen
		run(p, "waiting for the demo to play", chromedp.Poll[bool](`playgrounds[0].playing()`))
		eval[bool](p, `(window.oldDemo = playgrounds[0], window.oldCanvas = document.querySelector(".playground .pg-canvas"), true)`)
		next.open(next.r)
		p.replayShown(next.r, next.r.file)

		assert.True(t, eval[bool](p, `oldDemo.retired === true && typeof oldDemo.summary === "undefined"`),
			"the old demo's functions are withdrawn")
		assert.NotEqual(t, next.r.trace.Pattern, eval[string](p, `oldDemo.pattern`))
		assert.False(t, eval[bool](p, `oldCanvas.isConnected`), "the old demo left the page")
		assert.Equal(t, demoParts, eval[int](p, `document.querySelector(".playground").children.length`),
			"the new demo's parts replace the old one's")
		assert.Equal(t, 1, eval[int](p, `document.querySelectorAll(".replay-open").length`))
		assert.Equal(t, listening, p.listeners(), "the old demo's listeners were released, the new one's added")
		assert.Zero(t, eval[int](p, `(() => { const ids = [...document.querySelectorAll("[id]")].map(e => e.id); return ids.length - new Set(ids).size; })()`),
			"no id twice")
		// Frames, resizes and timers reach only the new demo: the old
		// canvas, which was animating, stays as it was.
		before := eval[string](p, hashOf("oldCanvas"))
		eval[bool](p, `(window.dispatchEvent(new Event("resize")), true)`)
		for range 10 {
			await[bool](p, nextFrame)
		}
		assert.Equal(t, before, eval[string](p, hashOf("oldCanvas")), "the old demo no longer draws")
	}
	p.noConsoleErrors()
}

// TestReplayOpensDemoExports: the JSON download of each pattern page's
// demo opens on the replay page as a demo of that pattern, with the same
// figures.
func TestReplayOpensDemoExports(t *testing.T) {
	for _, name := range patternPages {
		t.Run(name, func(t *testing.T) {
			src := demoPage(t, name+".html")
			want := await[map[string]float64](src, `playgrounds[0].run()`)
			exported := eval[string](src, `playgrounds[0].exportTrace("json")`)
			tr, _, err := trace.Read(strings.NewReader(exported))
			require.NoError(t, err)
			require.NotEmpty(t, tr.Events)
			file := "replay-test-export-" + name + ".json"
			path := filepath.Join(env.site, file)
			require.NoError(t, os.WriteFile(path, []byte(exported), 0o644))
			t.Cleanup(func() { os.Remove(path) })

			p := demoPage(t, "replay.html?trace="+file)
			p.replayOpened(tr.Pattern, file)
			assert.Equal(t, name, tr.Pattern)
			got := eval[map[string]float64](p, `playgrounds[0].summary()`)
			delete(want, "virtual_ms") // the run's end, where the trace ends at its last event
			delete(got, "virtual_ms")
			assert.Equal(t, want, got, "the replay's figures are the demo's")
			p.replayMatches(tr)
			assert.Contains(t, eval[string](p, `document.querySelector(".replay-status").textContent`), "of virtual time")
			src.noConsoleErrors()
			p.noConsoleErrors()
		})
	}
}
