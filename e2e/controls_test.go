package e2e

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// canvasHash is a hash of the animation canvas's pixels: equal hashes, the
// same picture.
const canvasHash = `(() => {
	const c = document.querySelector(".playground .pg-canvas");
	const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
	let h = 2166136261;
	for (let i = 0; i < d.length; i++) { h ^= d[i]; h = Math.imul(h, 16777619); }
	return (h >>> 0).toString(16) + ":" + c.width + "x" + c.height;
})()`

// nextFrame resolves after two animation frames: whatever was asked to be
// drawn has been.
const nextFrame = `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`

// ranPaused runs the demo and pauses it at its start.
func (p *page) ranPaused() {
	p.t.Helper()
	// Both runs of a pair: the first side's picture takes the scale the
	// two share, which changes when the second side's run arrives.
	await[[]any](p, `(d => Promise.all([d.run(), ...(d.pairOf === undefined ? [] : [playgrounds[d.pairOf].run()])]))(playgrounds[0])`)
	eval[float64](p, `playgrounds[0].seek(0)`)
	await[bool](p, nextFrame)
}

// frameAt pauses the first demo at ms and gives a hash of the picture it
// shows then.
func (p *page) frameAt(ms float64) string {
	p.t.Helper()
	eval[float64](p, `playgrounds[0].seek(`+jsNum(ms)+`)`)
	await[bool](p, nextFrame)
	return eval[string](p, canvasHash)
}

// tabReachesEveryControl opens every section of the page's first demo,
// focuses the page's heading and presses Tab, well past as many times as
// the demo has controls: focus must reach each of them. If onFocus is not
// nil, it runs each time focus is on a control of the demo, with a name
// for the control.
func (p *page) tabReachesEveryControl(onFocus func(id string)) {
	p.t.Helper()
	first := `document.querySelector(".playground")`
	eval[bool](p, `(`+first+`.querySelectorAll("details").forEach(d => d.open = true), true)`)
	// The controls a reader can reach: on a wide screen the phone's panel
	// buttons are not among them, nor the fallback the demo hid (its
	// picture and folded settings).
	// Each is marked with its place in the list: a control's label may
	// change while the test tabs (Play, Pause), its mark does not.
	name := `(e => e.tagName + "|" + (e.name || e.id || e.getAttribute("aria-label") || e.textContent).slice(0, 40))`
	controls := eval[[]string](p, `[...`+first+`.querySelectorAll(":is(input, select, button, summary, textarea, [tabindex='0']):not([disabled])")]
		.filter(e => e.checkVisibility())
		.map((e, i) => { e.dataset.tabProbe = String(i); return `+name+`(e); })`)
	eval[bool](p, `(() => { const h = document.querySelector("main h1"); h.tabIndex = -1; h.focus(); return true; })()`)
	reached := map[int]bool{}
	for range len(controls) + 60 {
		run(p, "tab", chromedp.KeyEvent(kb.Tab))
		at := eval[struct {
			Probe *int   `json:"probe"`
			ID    string `json:"id"`
		}](p, `(() => {
			const e = document.activeElement;
			if (!`+first+`.contains(e)) return {id: ""};
			const probe = e.dataset.tabProbe;
			return {probe: probe === undefined ? null : Number(probe), id: `+name+`(e)};
		})()`)
		if at.ID == "" {
			continue
		}
		if at.Probe != nil {
			reached[*at.Probe] = true
		}
		if onFocus != nil {
			onFocus(at.ID)
		}
	}
	var missed []string
	for i, c := range controls {
		if !reached[i] {
			missed = append(missed, c)
		}
	}
	assert.Empty(p.t, missed, "Tab reaches every control of the %d", len(controls))
}

// TestScrubbingIsAFunctionOfTime seeks forwards and backwards: the same time
// shows the same pixels, whatever came before.
func TestScrubbingIsAFunctionOfTime(t *testing.T) {
	p := demoPage(t, "stream.html")
	require.Empty(t, eval[[]any](p, `playgrounds[0].setParams({items: "120", max_concurrency: "6", fail_rate: "0.2"})`))
	p.ranPaused()
	a := p.frameAt(900)
	b := p.frameAt(2500)
	assert.NotEqual(t, a, b, "different times, different pictures")
	p.frameAt(100)
	assert.Equal(t, a, p.frameAt(900), "back at 900 ms after going further and back")
	assert.Equal(t, b, p.frameAt(2500))
	p.noConsoleErrors()
}

// TestSharedLinkOpensAtItsMoment: the URL keeps the moment shown, and a
// link with t opens the run there, paused, showing the same picture.
func TestSharedLinkOpensAtItsMoment(t *testing.T) {
	p := demoPage(t, "stream.html")
	require.Empty(t, eval[[]any](p, `playgrounds[0].setParams({items: "60", seed: "7"})`))
	p.ranPaused()
	eval[float64](p, `playgrounds[0].seek(1234.5)`)
	run(p, "waiting for the URL", chromedp.Poll[bool](`location.search.includes("t=1234.5")`))
	link := run(p, "url", chromedp.Location())
	want := eval[string](p, canvasHash)
	assert.Contains(t, link, "seed=7")

	q := newPage(t)
	q.show(desktop)
	run(q, "opening the link", chromedp.Navigate(link))
	q.waitReady()
	run(q, "waiting for the run", chromedp.Poll[bool](`playgrounds[0].summary() !== null && playgrounds[0].time() === 1234.5`))
	await[bool](q, nextFrame)
	assert.Equal(t, want, eval[string](q, canvasHash), "the same moment, the same picture")
	assert.Equal(t, "Resume", eval[string](q, `document.querySelector(".playground .pg-pause").textContent`), "opened paused")
	q.noConsoleErrors()
}

// TestExports: both exports are valid JSON of their shape.
func TestExports(t *testing.T) {
	p := demoPage(t, "stream.html")
	require.Empty(t, eval[[]any](p, `playgrounds[0].setParams({items: "30", fail_rate: "0.3", timeout: "300", on_timeout: "kill_task"})`))
	await[map[string]float64](p, `playgrounds[0].run()`)

	var plain struct {
		Pattern string
		Params  map[string]string
		Events  []struct {
			T    float64
			Kind string
		}
	}
	require.NoError(t, json.Unmarshal([]byte(eval[string](p, `playgrounds[0].exportTrace("json")`)), &plain))
	assert.Equal(t, "stream", plain.Pattern)
	assert.Equal(t, "30", plain.Params["items"])
	assert.Equal(t, eval[int](p, `playgrounds[0].trace().length`), len(plain.Events))

	var chrome struct {
		TraceEvents []struct {
			Ph  string
			Tid int
			Dur float64
		}
	}
	require.NoError(t, json.Unmarshal([]byte(eval[string](p, `playgrounds[0].exportTrace("chrome")`)), &chrome))
	phases := map[string]int{}
	for _, e := range chrome.TraceEvents {
		phases[e.Ph]++
		if e.Ph == "X" {
			assert.Less(t, e.Tid, 4, "tid is a slot of max_concurrency 4")
		}
	}
	assert.Equal(t, 30, phases["X"], "one complete event per task")
	assert.Positive(t, phases["i"], "crashes and timeouts as instants")

	// The buttons download: the click makes a blob link, and no error.
	run(p, "export click", chromedp.Click(chromedp.CSS(`.playground .pg-tools button`)))
	p.noConsoleErrors()
}

// TestPresetsApply: each preset fills the form, the URL and a run.
func TestPresetsApply(t *testing.T) {
	p := demoPage(t, "stream.html")
	names := eval[[]string](p, `playgrounds[0].presets()`)
	require.GreaterOrEqual(t, len(names), 3)
	assert.Contains(t, names, "overloaded")

	run(p, "picking a preset", chromedp.SetValue(chromedp.CSS(`.playground .pg-preset select`), "flaky worker"))
	eval[bool](p, `document.querySelector(".playground .pg-preset select").dispatchEvent(new Event("change", {bubbles: true}))`)
	assert.Equal(t, "0.2", eval[string](p, `playgrounds[0].params().fail_rate`))
	run(p, "url", chromedp.Poll[bool](`location.search.includes("fail_rate=0.2")`))

	assert.Empty(t, eval[[]any](p, `playgrounds[0].applyPreset("overloaded")`))
	assert.Equal(t, "400", eval[string](p, `playgrounds[0].params().items`))
	assert.Equal(t, "0", eval[string](p, `playgrounds[0].params().fail_rate`), "a preset sets what it is about")
	sum := await[map[string]float64](p, `playgrounds[0].run()`)
	assert.Equal(t, 400.0, sum["items"])
	assert.NotEmpty(t, eval[[]any](p, `playgrounds[0].applyPreset("no such")`))
	p.noConsoleErrors()
}

// TestKeyboardOnly reaches every control with Tab, and plays, steps and
// opens the help with the keys alone.
func TestKeyboardOnly(t *testing.T) {
	p := demoPage(t, "stream.html")
	// Both runs of a pair: the first side's picture takes the scale the
	// two share, which changes when the second side's run arrives.
	await[[]any](p, `(d => Promise.all([d.run(), ...(d.pairOf === undefined ? [] : [playgrounds[d.pairOf].run()])]))(playgrounds[0])`)
	eval[float64](p, `playgrounds[0].seek(0)`)

	// Tab reaches every control of the demo, with every section open, and
	// each shows its focus.
	p.tabReachesEveryControl(func(id string) {
		assert.True(t, eval[bool](p, `getComputedStyle(document.activeElement).outlineStyle !== "none"`), "%s shows its focus", id)
	})

	run(p, "focusing the canvas", chromedp.Focus(chromedp.CSS(`.playground .pg-canvas`)))
	run(p, "stepping", chromedp.KeyEvent(kb.ArrowRight))
	first := eval[float64](p, `playgrounds[0].time()`)
	assert.Positive(t, first)
	run(p, "stepping", chromedp.KeyEvent(kb.ArrowRight))
	run(p, "stepping back", chromedp.KeyEvent(kb.ArrowLeft))
	assert.Equal(t, first, eval[float64](p, `playgrounds[0].time()`))
	assert.Contains(t, eval[string](p, `document.querySelector(".playground .pg-live").textContent`), "ms:", "a step is narrated")
	run(p, "playing", chromedp.KeyEvent(" "))
	run(p, "waiting for Pause", chromedp.Poll[bool](`document.querySelector(".playground .pg-pause").textContent === "Pause"`))
	run(p, "pausing", chromedp.KeyEvent(" "))
	run(p, "waiting for Resume", chromedp.Poll[bool](`document.querySelector(".playground .pg-pause").textContent === "Resume"`))
	run(p, "help", chromedp.KeyEvent("?"))
	assert.True(t, eval[bool](p, `!document.querySelector(".playground .pg-help-panel").hidden`))
	run(p, "closing help", chromedp.KeyEvent(kb.Escape))
	assert.True(t, eval[bool](p, `document.querySelector(".playground .pg-help-panel").hidden`))
	log := eval[string](p, `document.querySelector(".playground .pg-log-list").textContent`)
	assert.True(t, strings.Contains(log, "started in slot"), "the log follows playback: %q", log)
	p.noConsoleErrors()
}
