package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// waitReady waits until every demo on the page is interactive.
func (p *page) waitReady() {
	p.t.Helper()
	run(p, "waiting for the playground", chromedp.Poll[bool](`window.playgroundsReady === true`))
}

// setField types a value into a demo's parameter field, as a person
// would: opening "More parameters" first when the field is in there.
func (p *page) setField(name, value string) {
	p.t.Helper()
	css := `.playground input[name="` + name + `"]`
	eval[bool](p, `(e => { const more = e.closest("details"); if (more) more.open = true; e.value = ""; return true; })(document.querySelector('`+css+`'))`)
	run(p, "typing "+name, chromedp.SendKeys(chromedp.CSS(css), value))
}

// fieldMessages is what the demos of the page say under their fields, one
// message a line.
func (p *page) fieldMessages() string {
	p.t.Helper()
	return eval[string](p, `[...document.querySelectorAll(":is(.playground, .pg-pair) .pg-msg")].map(m => m.textContent).join("\n")`)
}

// refusesToRun says whether demo i of the page refuses to run the values
// its form holds: its run() is rejected as not valid.
func (p *page) refusesToRun(i int) bool {
	p.t.Helper()
	return await[bool](p, `playgrounds[`+jsNum(i)+`].run().then(() => false, e => e.message.includes("not valid"))`)
}

// describes is a JavaScript expression that is true once demo i's summary
// is that of a run with these items and max_active: the picture, the
// summary and the form then tell of the same run.
func describes(i, items, maxActive int) string {
	return `(s => s !== null && s.items === ` + jsNum(items) + ` && s.max_active === ` + jsNum(maxActive) + `)(playgrounds[` + jsNum(i) + `].summary())`
}

// checkBadURL opens a link of the site with bad values in its query, such
// as "pool.html?size=-1", and checks what every such link must do: the
// fields' messages hold each of messages, and the page's text is intact,
// holding text. It returns the page for the checks of a particular page;
// the caller checks the console once done with it.
func checkBadURL(t *testing.T, query, text string, messages ...string) *page {
	t.Helper()
	p := newPage(t)
	p.show(desktop)
	run(p, "opening", chromedp.Navigate(env.baseURL+query))
	p.waitReady()
	got := p.fieldMessages()
	for _, want := range messages {
		assert.Contains(t, got, want)
	}
	assert.Contains(t, run(p, "text", chromedp.Text(chromedp.CSS("main"))), text, "the page text is intact")
	return p
}

// await evaluates an expression that gives a Promise, and its value.
func await[T any](p *page, expr string) T {
	p.t.Helper()
	return run(p, expr, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
}

// inkedPixels counts the canvas pixels that differ from its top-left one.
const inkedPixels = `(() => {
	const c = document.querySelector(".playground canvas");
	const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
	let n = 0;
	for (let i = 0; i < d.length; i += 4) {
		if (d[i] !== d[0] || d[i+1] !== d[1] || d[i+2] !== d[2]) n++;
	}
	return n;
})()`

// TestStreamDemoRuns drives the demo through its form, which re-runs it
// with nothing else pressed, then checks the run through the JavaScript
// API: the bound held, every item has one result, and the canvas shows
// something.
func TestStreamDemoRuns(t *testing.T) {
	p := demoPage(t, "stream.html")
	assert.Equal(t, "stream", eval[string](p, `window.playgrounds[0].pattern`))

	p.setField("max_concurrency", "3")
	p.setField("items", "50")
	assert.Equal(t, map[string]string{"items": "50", "max_concurrency": "3"},
		map[string]string{
			"items":           eval[string](p, `playgrounds[0].params().items`),
			"max_concurrency": eval[string](p, `playgrounds[0].params().max_concurrency`),
		})
	run(p, "waiting for the summary of the run typed", chromedp.Poll[bool](describes(0, 50, 3)))

	summary := eval[map[string]float64](p, `playgrounds[0].summary()`)
	assert.Equal(t, 3.0, summary["max_active"], "%v", summary)
	assert.Equal(t, 50.0, summary["items"])
	assert.Equal(t, 50.0, summary["ok"])

	results := eval[map[string]int](p, `(() => {
		const n = {};
		for (const e of playgrounds[0].trace()) if (e.kind === "emitted") n[e.id] = (n[e.id] || 0) + 1;
		return n;
	})()`)
	assert.Len(t, results, 50, "every item has a result")
	for id, n := range results {
		assert.Equal(t, 1, n, "item %s has exactly one result", id)
	}
	assert.Contains(t, run(p, "url", chromedp.Location()), "max_concurrency=3", "the URL reproduces the run")

	run(p, "letting it animate", chromedp.Poll[bool](inkedPixels+` > 1000`))
	assert.Greater(t, eval[int](p, inkedPixels), 1000, "the canvas is not blank")
	p.screenshot("stream-demo-run")
	p.noConsoleErrors()
}

// TestStreamDemoAPI uses window.playgrounds as an embedding page would.
func TestStreamDemoAPI(t *testing.T) {
	p := demoPage(t, "stream.html")

	errs := eval[[]map[string]string](p, `playgrounds[0].setParams({max_concurrency: "0", fail_rate: "2"})`)
	require.Len(t, errs, 2, "bad values come back as data")
	assert.Equal(t, "max_concurrency", errs[0]["param"])
	assert.Contains(t, errs[0]["message"], "from 1 to 1000")
	assert.Equal(t, "fail_rate", errs[1]["param"])

	assert.Empty(t, eval[[]map[string]string](p, `playgrounds[0].setParams({items: "40", max_concurrency: "5", ordered: "false"})`))
	summary := await[map[string]float64](p, `playgrounds[0].run()`)
	assert.Equal(t, 40.0, summary["items"])
	assert.Equal(t, 5.0, summary["max_active"])
	assert.Equal(t, summary, eval[map[string]float64](p, `playgrounds[0].summary()`))
	p.noConsoleErrors()
}

// TestStreamDemoBadURL opens a link with bad values: each is named with its
// allowed range, nothing runs, and the page stays usable: fixing the
// fields runs the demo, without a click.
func TestStreamDemoBadURL(t *testing.T) {
	p := checkBadURL(t, `stream.html?max_concurrency=-3&items=abc&timeout=0&fail_rate=%3Cscript%3E`, "Task.Supervisor.async_stream_nolink",
		"must be a whole number from 1 to 1000", `got "abc"`, "or infinity")
	assert.Contains(t, p.fieldMessages(), `got "<script>"`, "shown as text, never as markup")
	assert.Zero(t, eval[int](p, `document.querySelectorAll(".playground script, .playground img").length`))
	assert.True(t, eval[bool](p, `playgrounds[0].summary() === null`), "nothing ran on the bad values")
	assert.True(t, p.refusesToRun(0), "a run waits for valid values")
	p.screenshot("stream-demo-bad-url")

	// Fixing the fields makes the demo run.
	p.setField("max_concurrency", "2")
	p.setField("items", "10")
	p.setField("timeout", "1000")
	p.setField("fail_rate", "0")
	run(p, "waiting for the run of the fixed values", chromedp.Poll[bool](describes(0, 10, 2)))
	assert.False(t, p.refusesToRun(0))
	p.noConsoleErrors()
}
