package e2e

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/web/policy"
)

// payloads are what an attacker would put in a link or an attribute. Each
// sets window.pwned if it ever runs.
var payloads = []string{
	`<script>window.pwned=1</script>`,
	`"><img src=x onerror="window.pwned=2">`,
	`'><svg onload=window.pwned=3>`,
	`javascript:window.pwned=4`,
}

// watchCSP records every Content-Security-Policy violation of every frame
// of the tab, from the first moment of each document, in window.cspViolations.
func watchCSP(p *page) {
	p.t.Helper()
	run(p, "watching CSP violations", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{
			Source: `window.cspViolations = [];
				document.addEventListener("securitypolicyviolation", (e) => cspViolations.push(e.violatedDirective + " " + e.blockedURI));`,
		})
		return err
	}))
}

// TestHostileURL sets every parameter of the embed page, and its pattern,
// to markup and script: nothing runs, nothing becomes an element, and each
// field says what it got, as text.
func TestHostileURL(t *testing.T) {
	s, ok := scenario.Lookup("stream")
	require.True(t, ok)
	q := url.Values{"pattern": {"stream"}, payloads[1]: {"1"}}
	for i, prm := range s.Params {
		q.Set(prm.Name, payloads[i%len(payloads)])
	}
	p := newPage(t)
	watchCSP(p)
	p.show(desktop)
	run(p, "opening", chromedp.Navigate(env.baseURL+"embed.html?"+q.Encode()))
	p.waitReady()

	messages := eval[[]string](p, `[...document.querySelectorAll(".pg-msg")].map(m => m.textContent)`)
	shown := 0
	for _, m := range messages {
		if strings.Contains(m, "got ") {
			shown++
		}
	}
	assert.GreaterOrEqual(t, shown, len(s.Params)-2, "nearly every field refuses its payload, in words: %q", messages)
	assert.Contains(t, strings.Join(messages, "\n"), `got "<script>window.pwned=1</script>"`)
	assert.Contains(t, eval[string](p, `document.querySelector(".pg-notice").textContent`), "Ignored", "the unknown name is named, as text")
	assert.True(t, p.refusesToRun(0), "nothing runs on the payloads")
	noHarm(p)

	t.Run("pattern", func(t *testing.T) {
		p := newPage(t)
		watchCSP(p)
		run(p, "opening", chromedp.Navigate(env.baseURL+"embed.html?pattern="+url.QueryEscape(payloads[1])))
		run(p, "waiting for the message", chromedp.Poll[bool](`document.querySelector(".playground-error") !== null`))
		assert.Contains(t, eval[string](p, `document.querySelector(".playground-error").textContent`), "There is no demo named “\"><img")
		assert.False(t, eval[bool](p, `document.querySelector("script[src='loader.js']").hasAttribute("data-wasm")`), "no wasm to load")
		noHarm(p)
	})
}

// TestHostileAttributes embeds demos whose data- attributes are payloads,
// on a page of another origin.
func TestHostileAttributes(t *testing.T) {
	host := hostServer(t)
	p := newPage(t)
	fr := watchFrames(p)
	watchCSP(p)
	run(p, "opening", chromedp.Navigate(host+"hostile.html"))
	run(p, "waiting for the iframe", chromedp.Poll[bool](`document.querySelector("iframe") !== null`))
	id := fr.waitEmbeds(p, 1)["stream"]
	require.NotZero(t, id)
	pollIn(p, id, "waiting for the demo", `window.playgroundsReady === true`)

	src := eval[string](p, `document.querySelector("iframe").src`)
	assert.NotContains(t, src, "pwned%3D5", "only the scenario's own parameters reach the iframe (not data-onload)")
	messages := evalIn[string](p, id, `[...document.querySelectorAll(".pg-msg")].map(m => m.textContent).join("\n")`)
	assert.Contains(t, messages, `got "<script>window.pwned=1</script>"`)
	assert.Contains(t, messages, `got "\"><img src=x onerror=window.pwned=2>"`)
	assert.Contains(t, eval[string](p, `document.querySelector("[role=alert]").textContent`), "has no demo named", "the unknown name, as text")
	noHarm(p)
	assert.True(t, evalIn[bool](p, id, `window.pwned === undefined && document.querySelectorAll(".playground img, .playground svg, .playground script").length === 0`))
	assert.Empty(t, evalIn[[]string](p, id, `cspViolations`))
}

// noHarm checks that no payload ran or became an element, and that the
// page broke no rule of its Content-Security-Policy.
func noHarm(p *page) {
	p.t.Helper()
	assert.True(p.t, eval[bool](p, `window.pwned === undefined`), "a payload ran")
	assert.Zero(p.t, eval[int](p, `document.querySelectorAll("img, svg, main script, body > div script").length`), "a payload became an element")
	assert.Empty(p.t, eval[[]string](p, `cspViolations`))
	p.noConsoleErrors()
}

// TestNoInlineStyles drives a demo through its features under the CSP and
// finds no violation: the wasm styles through the CSSOM only. A style
// attribute set on purpose is refused and seen, so the watch works.
func TestNoInlineStyles(t *testing.T) {
	p := newPage(t)
	watchCSP(p)
	p.show(desktop)
	p.open("stream.html")
	p.waitReady()
	await[map[string]float64](p, `playgrounds[0].run()`)
	for _, css := range []string{".pg-embed-open", ".pg-tools button[aria-controls$=help]", ".pg-sweep summary"} {
		run(p, "clicking "+css, chromedp.Click(chromedp.CSS(".playground "+css)))
	}
	await[map[string]any](p, `playgrounds[0].sweep()`)
	assert.Empty(t, eval[[]string](p, `cspViolations`))
	p.noConsoleErrors()

	eval[bool](p, `(document.body.setAttribute("style", "color: red"), true)`)
	run(p, "a violation is seen", chromedp.Poll[bool](`cspViolations.length > 0`))
	assert.Contains(t, eval[[]string](p, `cspViolations`)[0], "style-src")
}

// TestServerHeaders checks what serve/ answers, outside the browser.
func TestServerHeaders(t *testing.T) {
	needBrowser(t)
	for _, name := range []string{"stream.html", "embed.html", "playground.wasm", "missing.html"} {
		res, err := client.Get(env.baseURL + name)
		require.NoError(t, err)
		res.Body.Close()
		assert.Equal(t, policy.CSP, res.Header.Get("Content-Security-Policy"), name)
		assert.Equal(t, "nosniff", res.Header.Get("X-Content-Type-Options"), name)
	}
	// The wasm as a browser asks for it: the brotli copy make site wrote,
	// as application/wasm, which streaming compilation insists on.
	req, err := http.NewRequest(http.MethodGet, env.baseURL+"playground.wasm", nil)
	require.NoError(t, err)
	req.Header.Set("Accept-Encoding", "gzip, deflate, br, zstd")
	res, err := client.Do(req)
	require.NoError(t, err)
	body, err := io.ReadAll(res.Body)
	res.Body.Close()
	require.NoError(t, err)
	assert.Equal(t, "br", res.Header.Get("Content-Encoding"))
	assert.Equal(t, "application/wasm", res.Header.Get("Content-Type"))
	assert.Equal(t, "Accept-Encoding", res.Header.Get("Vary"))
	br, err := os.ReadFile(filepath.Join(env.site, "playground.wasm.br"))
	require.NoError(t, err)
	assert.True(t, bytes.Equal(br, body), "the copy's bytes, as they are")

	// An address the site has not: its 404 page, with status 404.
	res, err = client.Get(env.baseURL + "no-such-page.html")
	require.NoError(t, err)
	body, _ = io.ReadAll(res.Body)
	res.Body.Close()
	assert.Equal(t, http.StatusNotFound, res.StatusCode)
	assert.Contains(t, string(body), "<h1>No page here</h1>")

	for _, escape := range []string{"%2e%2e/go.mod", "%2E%2E%2Fgo.mod", "..%2fgo.mod", "x/..%2f..%2fgo.mod", "..%5cgo.mod"} {
		res, err := client.Get(env.baseURL + escape)
		require.NoError(t, err)
		res.Body.Close()
		assert.Contains(t, []int{http.StatusBadRequest, http.StatusNotFound}, res.StatusCode, escape)
	}
}
