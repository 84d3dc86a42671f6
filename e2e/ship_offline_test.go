package e2e

import (
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// staticHost serves a site folder as a plain static host would, on its
// own localhost port, so a test may hold its wasm back, compress it as
// GitHub Pages does, or stop the host to go offline. It stops at the end
// of the test.
type staticHost struct {
	URL  string
	srv  *httptest.Server
	gate chan struct{} // closed when the wasm may be sent
	once sync.Once
}

// newStaticHost serves dir. With held, the wasm's headers go out at once
// and its body waits for release; with gzipped, the wasm is sent
// compressed, Content-Length counting the compressed bytes.
//
// Every other file carries an ETag made from its bytes, as hosts that
// know their files' contents send: the Last-Modified that a file server
// sends alone counts whole seconds, so a file rewritten within the second
// it was first served would be answered "304 Not Modified" to a browser
// revalidating its copy.
func newStaticHost(t *testing.T, dir string, held, gzipped bool) *staticHost {
	t.Helper()
	h := &staticHost{gate: make(chan struct{})}
	if !held {
		h.release()
	}
	files := http.FileServerFS(os.DirFS(dir))
	h.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasSuffix(r.URL.Path, ".wasm") {
			if tag, ok := contentTag(dir, r.URL.Path); ok {
				w.Header().Set("ETag", tag)
			}
			files.ServeHTTP(w, r)
			return
		}
		data, err := os.ReadFile(filepath.Join(dir, filepath.Base(r.URL.Path)))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/wasm")
		if gzipped {
			var b strings.Builder
			z := gzip.NewWriter(&b)
			z.Write(data)
			z.Close()
			data = []byte(b.String())
			w.Header().Set("Content-Encoding", "gzip")
		}
		w.Header().Set("Content-Length", strconv.Itoa(len(data)))
		w.WriteHeader(http.StatusOK)
		w.(http.Flusher).Flush()
		select {
		case <-h.gate:
		case <-r.Context().Done():
			return
		}
		w.Write(data)
	}))
	t.Cleanup(func() { h.release(); h.srv.Close() })
	_, port, _ := net.SplitHostPort(h.srv.Listener.Addr().String())
	h.URL = "http://localhost:" + port + "/"
	return h
}

func (h *staticHost) release() { h.once.Do(func() { close(h.gate) }) }

// contentTag is the ETag of the file a URL path names in dir (a folder's
// is its index.html's): a hash of its bytes.
func contentTag(dir, urlPath string) (string, bool) {
	name := strings.TrimPrefix(path.Clean("/"+urlPath), "/")
	if name == "" || strings.HasSuffix(urlPath, "/") {
		name = path.Join(name, "index.html")
	}
	data, err := fs.ReadFile(os.DirFS(dir), name)
	if err != nil {
		return "", false
	}
	sum := sha256.Sum256(data)
	return `"` + hex.EncodeToString(sum[:12]) + `"`, true
}

// TestTextBeforeWasm holds the wasm back, compressed as GitHub Pages sends
// it: the page's text is there at once, the demo shows a progress bar that
// claims no fraction it cannot know, and the demo comes alive once the
// wasm arrives.
func TestTextBeforeWasm(t *testing.T) {
	host := newStaticHost(t, env.site, true, true)
	p := newPage(t)
	p.show(desktop)
	run(p, "opening", chromedp.Navigate(host.URL+"stream.html"))
	run(p, "waiting for the bar", chromedp.Poll[bool](`document.querySelector(".playground-loading progress") !== null`))

	assert.Contains(t, run(p, "text", chromedp.Text(chromedp.CSS("main"))), "Task.Supervisor.async_stream_nolink", "the text needs no wasm")
	assert.True(t, eval[bool](p, `window.playgroundsReady !== true`), "the wasm is still on its way")
	assert.False(t, eval[bool](p, `document.querySelector(".playground-loading progress").hasAttribute("value")`),
		"a compressed response's Content-Length is no size of the wasm: the bar is indeterminate")
	p.screenshot("ship-before-wasm")

	host.release()
	p.waitReady()
	assert.Equal(t, 30.0, await[map[string]float64](p, `playgrounds[0].run()`)["items"])
	p.noConsoleErrors()
}

// serviceWorkerReady waits until the service worker controls the page,
// which it does once it holds a copy of the build's pages and assets, and
// until it holds the page's wasm too.
func serviceWorkerReady(p *page) {
	p.t.Helper()
	run(p, "waiting for the service worker", chromedp.Poll[bool](`navigator.serviceWorker.controller !== null`))
	pollIn(p, 0, "waiting for the wasm's copy", `(async () => {
		const wasm = document.querySelector("script[data-wasm]:not([data-on-demand])")?.dataset.wasm;
		if (!wasm) return true;
		for (const name of await caches.keys()) {
			if (await (await caches.open(name)).match(wasm)) return true;
		}
		return false;
	})()`)
}

// TestOffline visits one page of the site, stops its host, and finds every
// page, and the demo of the page it visited, still there.
func TestOffline(t *testing.T) {
	host := newStaticHost(t, env.site, false, false)
	p := newPage(t)
	p.show(desktop)
	run(p, "opening", chromedp.Navigate(host.URL+"stream.html?items=8"))
	p.waitReady()
	serviceWorkerReady(p)

	host.srv.Close() // offline
	_, err := client.Get(host.URL)
	require.Error(t, err, "the host is gone")

	run(p, "reloading", chromedp.Reload())
	p.waitReady()
	assert.Equal(t, 8.0, await[map[string]float64](p, `playgrounds[0].run()`)["items"], "the page, its query and its wasm, from the copy")
	run(p, "another page", chromedp.Navigate(host.URL+"index.html"))
	assert.Equal(t, "Concurrency patterns playground", run(p, "heading", chromedp.Text(chromedp.CSS("main h1"))))
	run(p, "the same demo, embedded", chromedp.Navigate(host.URL+"embed.html?pattern=stream&items=5"))
	p.waitReady()
	assert.Equal(t, 5.0, await[map[string]float64](p, `playgrounds[0].run()`)["items"])
	p.screenshot("ship-offline-embed")

	// A page never opened has its text, from the copy, and its demos: every
	// page runs the one build.
	run(p, "a page never opened", chromedp.Steps(chromedp.Navigate(host.URL+"tasks.html"), chromedp.WaitVisible(chromedp.CSS("main h1"))))
	assert.Equal(t, "Supervised tasks", run(p, "heading", chromedp.Text(chromedp.CSS("main h1"))))
	p.waitReady()
	assert.Equal(t, "tasks", eval[string](p, `playgrounds[0].pattern`))
	// The browser's check for a new sw.js fails while offline; that is
	// the one complaint allowed.
	p.noConsoleErrors("sw.js", "ServiceWorker", "ERR_CONNECTION_REFUSED")
}

// TestOfflineMessage reads only the index, which has no demo, so the
// device has no copy of the wasm; offline, a page with a demo says that
// the reader is offline and which pages they can read, in words.
func TestOfflineMessage(t *testing.T) {
	host := newStaticHost(t, env.site, false, false)
	p := newPage(t)
	p.show(desktop)
	run(p, "opening the index", chromedp.Navigate(host.URL+"index.html"))
	serviceWorkerReady(p)

	host.srv.Close()
	run(p, "going offline", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: true, DownloadThroughput: -1, UploadThroughput: -1})
		return err
	}))
	run(p, "a page with a demo", chromedp.Steps(chromedp.Navigate(host.URL+"stream.html"), chromedp.WaitVisible(chromedp.CSS("main h1"))))
	run(p, "waiting for the message", chromedp.Poll[bool](`document.querySelector(".playground-error") !== null`))
	message := eval[string](p, `document.querySelector(".playground-error").textContent`)
	assert.True(t, strings.HasPrefix(message, "You are offline"), message)
	assert.Contains(t, message, "these pages can be read offline")
	assert.NotContains(t, message, "Failed to fetch")
	links := eval[[]map[string]string](p, `[...document.querySelector(".playground-offline-pages").querySelectorAll("a")].map(a => ({href: a.getAttribute("href"), text: a.textContent}))`)
	require.Len(t, links, len(sitePages(t)), "every page of the build: %v", links)
	assert.Equal(t, map[string]string{"href": host.URL + "index.html", "text": "Concurrency patterns playground"}, links[0], "the index first")
	assert.Contains(t, links, map[string]string{"href": host.URL + "tasks.html", "text": "Supervised tasks"})
	p.screenshot("ship-offline-message")
	p.noConsoleErrors("sw.js", "ServiceWorker", "ERR_CONNECTION_REFUSED", "ERR_INTERNET_DISCONNECTED", "Failed to fetch", "playground.wasm")
}
