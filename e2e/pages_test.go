package e2e

import (
	"strings"
	"testing"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
)

func TestIndex(t *testing.T) {
	p := newPage(t)
	p.show(desktop)
	p.open("index.html")

	assert.Equal(t, "Concurrency patterns playground", run(p, "title", chromedp.Title()))
	assert.Equal(t, "Concurrency patterns playground", run(p, "heading", chromedp.Text(chromedp.CSS("main h1"))))
	assert.Contains(t, run(p, "text", chromedp.Text(chromedp.CSS("main"))), "Bounded parallel stream")
	links := eval[[]string](p, `[...document.querySelectorAll("main a")].map(a => a.getAttribute("href"))`)
	for _, page := range []string{"stream.html", "tasks.html", "timeout.html", "supervisor.html"} {
		assert.Contains(t, links, page)
	}
	assert.Equal(t, []string{"offline.js"}, eval[[]string](p, `[...document.scripts].map(s => s.getAttribute("src"))`),
		"a page without a demo loads no playground, only the service worker's registration")
	p.noConsoleErrors()
	p.linksResolve()
	p.screenshot("index-desktop")

	run(p, "following the link", chromedp.WaitEvent(cdppage.LoadEventFired, nil,
		chromedp.Click(chromedp.CSS(`main a[href="stream.html"]`))))
	assert.True(t, strings.HasSuffix(run(p, "location", chromedp.Location()), "/stream.html"))
	assert.Equal(t, "Bounded parallel stream", run(p, "heading", chromedp.Text(chromedp.CSS("main h1"))))
}

func TestStream(t *testing.T) {
	p := newPage(t)
	p.show(desktop)
	p.open("stream.html")

	assert.Equal(t, "Bounded parallel stream · Concurrency patterns playground", run(p, "title", chromedp.Title()))
	ids := eval[[]string](p, `[...document.querySelectorAll("main h2")].map(h => h.id)`)
	for _, id := range []string{"why-bound-it", "timeouts", "in-go"} {
		assert.Contains(t, ids, id, "headings get ids to link to")
	}
	assert.Contains(t, run(p, "text", chromedp.Text(chromedp.CSS("main"))), "Task.Supervisor.async_stream_nolink")

	t.Run("code is highlighted", func(t *testing.T) {
		assert.Contains(t, eval[[]string](p, `[...document.querySelectorAll("pre.chroma .kd")].map(e => e.textContent)`), "func")
		keyword := eval[string](p, `getComputedStyle(document.querySelector("pre.chroma .kd")).color`)
		plain := eval[string](p, `getComputedStyle(document.querySelector("pre.chroma")).color`)
		assert.NotEqual(t, plain, keyword, "the theme colours keywords")
	})
	t.Run("the demo's mount point", func(t *testing.T) {
		assert.Equal(t, "stream", eval[string](p, `document.querySelector(".playground").dataset.playground`))
		assert.Equal(t,
			map[string]string{"items": "30", "max_concurrency": "4", "work_ms_min": "50", "work_ms_max": "400"},
			eval[map[string]string](p, `JSON.parse(document.querySelector(".playground").dataset.params)`))
		assert.Equal(t, []string{"offline.js", "wasm_exec.js", "loader.js"},
			eval[[]string](p, `[...document.scripts].map(s => s.getAttribute("src"))`))
		assert.Equal(t, "playground.wasm", eval[string](p, `document.querySelector("script[src='loader.js']").dataset.wasm`),
			"the page loads the site's one build")
	})
	p.linksResolve()
	p.noConsoleErrors()
	p.screenshot("stream-desktop")
}

// TestWithoutJavaScript reads the demo page as a reader without JavaScript
// does: the text is all there, and the demo's place shows a picture of its
// run and explains itself.
func TestWithoutJavaScript(t *testing.T) {
	p := newPage(t)
	p.withoutJavaScript()
	p.show(desktop)
	p.open("stream.html")

	fallback := run(p, "fallback", chromedp.Text(chromedp.CSS(".playground .playground-fallback")))
	assert.Contains(t, fallback, "needs JavaScript and WebAssembly")
	assert.True(t, eval[bool](p, `document.querySelector(".playground .pg-still svg.pg-picture").getBoundingClientRect().height > 100`),
		"a picture of the demo's run")
	run(p, "opening the settings", chromedp.Click(chromedp.CSS(".playground .playground-settings summary")))
	assert.Contains(t, run(p, "settings", chromedp.Text(chromedp.CSS(".playground .playground-settings"))), "max_concurrency = 4")
	assert.Contains(t, run(p, "text", chromedp.Text(chromedp.CSS("main"))), "A crash stays in its item")
	p.screenshot("stream-no-javascript")
}

// TestScreens looks at every page on a phone and a desktop, light and dark:
// nothing wider than a phone's screen, and the dark scheme really dark.
// The screenshots are for a person to look at.
func TestScreens(t *testing.T) {
	eachPage(t, []string{"index", "stream"}, allScreens, func(t *testing.T, p *page, name string, s screen) {
		p.fitsScreen()
		dark := eval[bool](p, `(() => {
			const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
			return r + g + b < 3 * 64;
		})()`)
		assert.Equal(t, s.dark, dark, "body background in the %s screen", s.name)
		p.screenshot(name + "-" + s.name)
	})
}
