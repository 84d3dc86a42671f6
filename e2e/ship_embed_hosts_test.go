package e2e

import (
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// frontOf serves on its own localhost port in front of the playground:
// with redirect, it sends every request on to the same path there, as a
// custom domain or an http:// address upgraded to https does; without, it
// passes requests through, and headers adds its own headers to every
// answer.
func frontOf(t *testing.T, redirect bool, headers map[string]string) string {
	t.Helper()
	target, err := url.Parse(env.baseURL)
	require.NoError(t, err)
	var h http.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, env.baseURL+strings.TrimPrefix(r.URL.RequestURI(), "/"), http.StatusFound)
	})
	if !redirect {
		proxy := &httputil.ReverseProxy{
			Rewrite: func(r *httputil.ProxyRequest) {
				r.SetURL(target)
				r.Out.URL.Path = strings.TrimSuffix(target.Path, "/") + r.In.URL.Path
			},
			ModifyResponse: func(res *http.Response) error {
				for k, v := range headers {
					res.Header.Add(k, v)
				}
				return nil
			},
		}
		h = proxy
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	return "http://localhost:" + port + "/"
}

// warnings records what the tab's frames say with console.warn.
type warnings struct {
	mu   sync.Mutex
	said []string
}

// watchWarnings starts recording; call it before the tab navigates.
func watchWarnings(p *page) *warnings {
	p.t.Helper()
	w := &warnings{}
	require.NoError(p.t, chromedp.Listen(p.ctx, func(ev any) {
		if e, ok := ev.(*runtime.EventConsoleAPICalled); ok && e.Type == runtime.ConsoleAPICalledTypeWarning {
			w.mu.Lock()
			w.said = append(w.said, argsText(e.Args))
			w.mu.Unlock()
		}
	}))
	return w
}

// of returns the warnings that contain s.
func (w *warnings) of(p *page, s string) []string {
	eval[int](p, "0") // a round trip: every event sent before it is recorded
	w.mu.Lock()
	defer w.mu.Unlock()
	var out []string
	for _, said := range w.said {
		if strings.Contains(said, s) {
			out = append(out, said)
		}
	}
	return out
}

// openHost opens a host page on a desktop, recording its frames.
func openHost(t *testing.T, url string) (*page, *frames) {
	t.Helper()
	p := newPage(t)
	fr := watchFrames(p)
	p.show(desktop)
	run(p, "opening the host page", chromedp.Navigate(url))
	return p, fr
}

// embedSized waits until the demo in a frame is ready and its iframe fits
// it.
func embedSized(p *page, id runtime.ExecutionContextID, name string) {
	p.t.Helper()
	pollIn(p, id, "waiting for the "+name+" demo", `window.playgroundsReady === true`)
	pollIn(p, id, name+" sized", fitsFrame)
}

// TestEmbedBehindRedirect includes embed.js from an address that
// redirects to the playground: the frames land elsewhere than the script's
// URL says, and still size themselves.
func TestEmbedBehindRedirect(t *testing.T) {
	host := hostServerFor(t, frontOf(t, true, nil))
	p, fr := openHost(t, host)
	ids := fr.waitEmbeds(p, 2)
	for name, id := range ids {
		embedSized(p, id, name)
		assert.True(t, strings.HasPrefix(evalIn[string](p, id, `location.href`), env.baseURL), "%s landed at the playground", name)
	}
	assert.Greater(t, eval[float64](p, `document.querySelector("iframe").getBoundingClientRect().height`), 600.0, "taller than the loading height")
	assert.Zero(t, eval[int](p, `document.querySelectorAll("[data-playground] > a").length`), "the fallback links have gone")
	p.noConsoleErrors()
}

// TestEmbedOffscreen opens a long page: the demo just below the fold is
// sized before it is scrolled to, and the one far down loads nothing until
// the reader nears it.
func TestEmbedOffscreen(t *testing.T) {
	host := hostServer(t)
	p, fr := openHost(t, host+"long.html")
	near := fr.waitEmbeds(p, 1)["stream"]
	require.NotZero(t, near)
	embedSized(p, near, "near")
	assert.Greater(t, eval[float64](p, `document.querySelector("#near iframe").getBoundingClientRect().top`), eval[float64](p, `innerHeight`),
		"out of sight all along")
	assert.Greater(t, eval[float64](p, `document.querySelector("#near iframe").getBoundingClientRect().height`), 600.0)
	assert.Zero(t, eval[float64](p, `scrollY`), "never scrolled")

	_, far := fr.embedFrames(p)["pool"]
	assert.False(t, far, "the far demo's frame has not loaded")
	assert.Equal(t, "lazy", eval[string](p, `document.querySelector("#far iframe").getAttribute("loading")`))
	assert.Equal(t, 1, eval[int](p, `document.querySelectorAll("#far > a").length`), "its link stays until it is there")

	run(p, "scrolling near the far demo", chromedp.Evaluate[bool](`(document.querySelector("#far").scrollIntoView(), true)`))
	id := fr.waitEmbeds(p, 2)["pool"]
	embedSized(p, id, "far")
	p.noConsoleErrors()
}

// TestEmbedRefused puts the demo on pages that cannot show it: the host's
// own policy forbids frames, or the playground's host forbids being
// framed. The link comes back, with a word on why, on the page and in the
// console.
func TestEmbedRefused(t *testing.T) {
	t.Run("the host page's policy", func(t *testing.T) {
		host := hostServer(t)
		p := newPage(t)
		w := watchWarnings(p)
		run(p, "opening the host page", chromedp.Navigate(host+"csp.html"))
		run(p, "waiting for the fallback", chromedp.Poll[bool](`document.querySelector(".playground-embed-error") !== null`))
		assert.Contains(t, eval[string](p, `document.querySelector(".playground-embed-error").textContent`), "Content-Security-Policy")
		assert.Zero(t, eval[int](p, `document.querySelectorAll("iframe").length`), "no blank frame left")
		assert.Equal(t, env.baseURL+"embed.html?pattern=stream&items=8", eval[string](p, `document.querySelector("[data-playground] a").href`))
		assert.Len(t, w.of(p, "frame-src "), 1, "the console names what the policy must allow")
		p.noConsoleErrors("Refused to frame", "frame-src")
	})
	t.Run("the playground's host", func(t *testing.T) {
		host := hostServerFor(t, frontOf(t, false, map[string]string{"Content-Security-Policy": "frame-ancestors 'none'"}))
		p := newPage(t)
		run(p, "opening the host page", chromedp.Navigate(host))
		run(p, "waiting for the fallbacks", chromedp.Poll[bool](`document.querySelectorAll(".playground-embed-error").length === 2`))
		assert.Contains(t, eval[string](p, `document.querySelector(".playground-embed-error").textContent`), "did not load")
		assert.Zero(t, eval[int](p, `document.querySelectorAll("iframe").length`))
		assert.Equal(t, 2, eval[int](p, `document.querySelectorAll("[data-playground] a").length`))
		p.noConsoleErrors("frame-ancestors", "Refused to frame", "Refused to display")
	})
}

// TestEmbedAsModule includes embed.js as a module script.
func TestEmbedAsModule(t *testing.T) {
	host := hostServer(t)
	p, fr := openHost(t, host+"module.html")
	id := fr.waitEmbeds(p, 1)["limiter"]
	require.NotZero(t, id)
	embedSized(p, id, "limiter")
	assert.Equal(t, "2", evalIn[string](p, id, `playgrounds[0].params().max`))
	p.noConsoleErrors()
}

// TestEmbedMisspelt gives two demos an attribute that no parameter has:
// the console names it, once, with the names there are; the demos run
// with what was spelt right, whichever way.
func TestEmbedMisspelt(t *testing.T) {
	host := hostServer(t)
	p := newPage(t)
	w := watchWarnings(p)
	run(p, "opening the host page", chromedp.Navigate(host+"misspelt.html"))
	run(p, "waiting for two iframes", chromedp.Poll[bool](`document.querySelectorAll("iframe").length === 2`))
	said := w.of(p, "data-szie")
	require.Len(t, said, 1, "once, however many demos misspell it")
	assert.Contains(t, said[0], "data-size")
	srcs := eval[[]string](p, `[...document.querySelectorAll("iframe")].map(f => f.src)`)
	assert.True(t, strings.HasSuffix(srcs[0], "embed.html?pattern=pool&items=6"), srcs[0])
	assert.True(t, strings.HasSuffix(srcs[1], "embed.html?pattern=pool&max_overflow=1"), "data-max-overflow is max_overflow: %s", srcs[1])
	p.noConsoleErrors()
}

// TestEmbedAddedLater adds a demo to the page after it loaded, as a
// single-page docs site does when the reader moves on: it comes alive
// with no call to scan().
func TestEmbedAddedLater(t *testing.T) {
	host := hostServer(t)
	p, fr := openHost(t, host)
	fr.waitEmbeds(p, 2)
	eval[bool](p, `(() => {
		const section = document.createElement("section");
		const demo = document.createElement("div");
		demo.dataset.playground = "supervisor";
		demo.dataset.max_restarts = "1";
		section.append(demo);
		document.querySelector("main").prepend(section);
		return true;
	})()`)
	id := fr.waitEmbeds(p, 3)["supervisor"]
	require.NotZero(t, id)
	embedSized(p, id, "supervisor")
	assert.Equal(t, "1", evalIn[string](p, id, `playgrounds[0].params().max_restarts`))
	assert.Equal(t, 3, eval[int](p, `(playgroundEmbed.scan(), document.querySelectorAll("iframe").length)`), "scanning again adds nothing")
	p.noConsoleErrors()
}
