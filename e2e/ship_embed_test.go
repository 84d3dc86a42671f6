package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fitsFrame is true in an embed frame whose iframe is as tall as the
// frame's content, to the pixel: embed.js sized it from frame.js's message.
const fitsFrame = `Math.abs(innerHeight - Math.ceil(document.body.getBoundingClientRect().height)) <= 1`

// TestEmbedOnThirdPartyPage opens a docs page of another origin that
// embeds two demos with different parameters: each runs in its own
// sandboxed iframe with its own parameters, the host page keeps working,
// and the iframes grow and shrink with their content.
func TestEmbedOnThirdPartyPage(t *testing.T) {
	host := hostServer(t)
	p := newPage(t)
	fr := watchFrames(p)
	p.show(desktop)
	run(p, "opening the host page", chromedp.Navigate(host))
	run(p, "waiting for two iframes", chromedp.Poll[bool](`document.querySelectorAll("iframe.playground-embed").length === 2`))

	iframes := eval[[]map[string]string](p, `[...document.querySelectorAll("iframe")].map(f => ({
		src: f.src, title: f.title, sandbox: f.getAttribute("sandbox")}))`)
	require.Len(t, iframes, 2)
	assert.Contains(t, iframes[0]["src"], env.baseURL+"embed.html?pattern=stream&items=12&max_concurrency=2")
	assert.Contains(t, iframes[1]["src"], env.baseURL+"embed.html?pattern=pool&items=16&size=3", "in the scenario's order")
	for _, f := range iframes {
		assert.Contains(t, f["title"], "Live demo: ", "a name for screen readers")
		assert.Contains(t, f["sandbox"], "allow-scripts")
		assert.NotContains(t, f["sandbox"], "allow-top-navigation")
	}

	ids := fr.waitEmbeds(p, 2)
	stream, pool := ids["stream"], ids["pool"]
	for name, id := range ids {
		pollIn(p, id, "waiting for the "+name+" demo", `window.playgroundsReady === true`)
		assert.Equal(t, name, evalIn[string](p, id, `playgrounds[0].pattern`))
		assert.Zero(t, evalIn[int](p, id, `document.querySelectorAll(".site-header, footer").length`), "no site chrome")
		back := evalIn[string](p, id, `document.querySelector(".embed-back a").href`)
		assert.True(t, strings.HasPrefix(back, env.baseURL), "a link back to the playground: %s", back)
	}
	assert.Equal(t, map[string]string{"items": "12", "max_concurrency": "2"},
		evalIn[map[string]string](p, stream, `(({items, max_concurrency}) => ({items, max_concurrency}))(playgrounds[0].params())`))
	assert.Equal(t, map[string]string{"items": "16", "size": "3"},
		evalIn[map[string]string](p, pool, `(({items, size}) => ({items, size}))(playgrounds[0].params())`))
	assert.Contains(t, evalIn[string](p, stream, `document.querySelector(".embed-back a").href`), "stream.html?items=12&max_concurrency=2")
	assert.Contains(t, evalIn[string](p, pool, `document.querySelector(".embed-back a").href`), "pool.html?", "the page about the pool")

	t.Run("they run independently", func(t *testing.T) {
		s := evalIn[map[string]float64](p, stream, `playgrounds[0].run()`)
		assert.Equal(t, 12.0, s["items"])
		assert.Equal(t, 2.0, s["max_active"])
		s = evalIn[map[string]float64](p, pool, `playgrounds[0].run()`)
		assert.Equal(t, 16.0, s["items"])
		assert.Equal(t, 16.0, s["served"])
		// An edit of one re-runs it, and leaves the other as it was.
		assert.Empty(t, evalIn[[]any](p, stream, `playgrounds[0].setParams({items: "5"})`))
		pollIn(p, stream, "the stream's re-run", `playgrounds[0].summary().items === 5`)
		assert.Equal(t, 16.0, evalIn[map[string]float64](p, pool, `playgrounds[0].summary()`)["items"], "the pool is untouched")
	})

	t.Run("the host page is unaffected", func(t *testing.T) {
		assert.Equal(t, "Acme Docs · Bounding concurrency", run(p, "title", chromedp.Title()))
		assert.Equal(t, host, run(p, "location", chromedp.Location()), "the demos keep their URL to themselves")
		assert.True(t, eval[bool](p, `window.playgrounds === undefined && window.Go === undefined`), "no globals leak into the host")
		assert.Contains(t, run(p, "text", chromedp.Text(chromedp.CSS("#host-text"))), "at most two resizes")
		run(p, "clicking the host's button", chromedp.Click(chromedp.CSS("#host-counter")))
		assert.Equal(t, 1, eval[int](p, `hostState.clicks`))
		assert.Equal(t, "rgb(255, 253, 245)", eval[string](p, `getComputedStyle(document.body).backgroundColor`), "the host's styles hold")
	})

	t.Run("the iframes fit their content", func(t *testing.T) {
		pollIn(p, stream, "stream sized", fitsFrame)
		pollIn(p, pool, "pool sized", fitsFrame)
		heights := func() []float64 {
			return eval[[]float64](p, `[...document.querySelectorAll("iframe")].map(f => f.getBoundingClientRect().height)`)
		}
		before := heights()
		assert.NotEqual(t, 512.0, before[0], "no longer the starting height")

		// Opening the Embed panel makes the stream demo taller; its iframe
		// follows, out of sight as it is (the host's button was clicked at
		// the bottom of the page), and the pool's iframe keeps fitting its
		// own demo (which may still be changing as its run plays on: its
		// height is its own business, not the stream's).
		evalIn[bool](p, stream, `(document.querySelector(".pg-embed-open").click(), true)`)
		pollIn(p, stream, "stream grown", `innerHeight > `+jsNum(before[0]+40))
		pollIn(p, stream, "stream sized", fitsFrame)
		after := heights()
		assert.Greater(t, after[0], before[0]+40)
		pollIn(p, pool, "pool sized", fitsFrame)

		// And shrinks back.
		evalIn[bool](p, stream, `(document.querySelector(".pg-embed-open").click(), true)`)
		pollIn(p, stream, "stream shrunk", `innerHeight < `+jsNum(after[0]-40))
		pollIn(p, stream, "stream sized", fitsFrame)
	})
	p.screenshot("ship-embed-host")
	p.noConsoleErrors()
}

// TestEmbedMode opens the embed page itself, as its iframe does: the demo
// alone with the same query parameters as its page, and a link back.
func TestEmbedMode(t *testing.T) {
	p := newPage(t)
	p.show(desktop)
	run(p, "opening", chromedp.Navigate(env.baseURL+"embed.html?pattern=stream&items=9&ordered=false"))
	p.waitReady()
	assert.Equal(t, "stream", eval[string](p, `playgrounds[0].pattern`))
	assert.Equal(t, "9", eval[string](p, `playgrounds[0].params().items`))
	assert.Equal(t, "false", eval[string](p, `playgrounds[0].params().ordered`))
	assert.Empty(t, eval[string](p, `document.querySelector(".pg-notice").textContent`), "pattern is no unknown parameter")
	assert.Equal(t, []string{env.baseURL + "stream.html?items=9&ordered=false"},
		eval[[]string](p, `[...document.querySelectorAll(".embed-back a")].map(a => a.href)`), "one link back, to the same run")
	assert.Equal(t, 9.0, await[map[string]float64](p, `playgrounds[0].run()`)["items"])
	assert.True(t, eval[bool](p, `document.documentElement.scrollWidth <= document.documentElement.clientWidth`),
		"the demo is wider than its frame: %v", eval[[]float64](p, `[document.documentElement.scrollWidth, document.documentElement.clientWidth, document.querySelector(".playground").getBoundingClientRect().width]`))
	p.screenshot("ship-embed-mode")
	p.noConsoleErrors()
}

// TestEmbedButton opens a demo's Embed panel: it holds a snippet for the
// form's current values, which follows the form.
func TestEmbedButton(t *testing.T) {
	p := demoPage(t, "stream.html")
	p.setField("max_concurrency", "7")
	run(p, "opening the panel", chromedp.Click(chromedp.CSS(".playground .pg-embed-open")))
	assert.Equal(t, "true", eval[string](p, `document.querySelector(".pg-embed-open").getAttribute("aria-expanded")`))
	code := eval[string](p, `document.querySelector(".pg-embed-code").value`)
	assert.Contains(t, code, `<script src="`+env.baseURL+`embed.js" defer></script>`)
	assert.Contains(t, code, `<div data-playground="stream" data-items="30" data-max_concurrency="7"`)
	assert.Contains(t, code, `<a href="`+env.baseURL+`embed.html?items=30&amp;max_concurrency=7&amp;`)

	p.setField("items", "44")
	assert.Contains(t, eval[string](p, `document.querySelector(".pg-embed-code").value`), `data-items="44"`, "the snippet follows the form")
	run(p, "copying", chromedp.Click(chromedp.CSS(".playground .pg-embed button:not(.pg-embed-open)")))
	run(p, "a word on the copy", chromedp.Poll[bool](`document.querySelector(".pg-embed-status").textContent !== ""`))
	p.screenshot("ship-embed-button")
	p.noConsoleErrors()
}
