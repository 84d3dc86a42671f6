package e2e

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// hostServer serves testdata/embed-host as a third party's docs site, on
// another localhost port than the playground: another origin, as a real
// embedding page would be. {{PLAYGROUND}} in its files becomes the
// playground's URL. It is "localhost", as the playground's server is, so
// the two are one site to the browser and the iframes stay in the tab's
// process, where the test can reach them.
func hostServer(t *testing.T) string {
	t.Helper()
	return hostServerFor(t, env.baseURL)
}

// hostServerFor is hostServer with the playground at another URL, such as
// a redirect in front of it.
func hostServerFor(t *testing.T, playground string) string {
	t.Helper()
	dir := filepath.Join("testdata", "embed-host")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/")
		if name == "" {
			name = "index.html"
		}
		if strings.ContainsAny(name, `/\`) {
			http.NotFound(w, r)
			return
		}
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		types := map[string]string{".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript"}
		w.Header().Set("Content-Type", types[filepath.Ext(name)])
		w.Write([]byte(strings.ReplaceAll(string(data), "{{PLAYGROUND}}", playground)))
	}))
	t.Cleanup(srv.Close)
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	return "http://localhost:" + port + "/"
}

// frames records the main JavaScript world of every frame of a tab, as
// the browser creates them, so a test can evaluate inside an iframe.
type frames struct {
	mu    sync.Mutex
	ctxID map[cdp.FrameID]runtime.ExecutionContextID
}

// watchFrames starts recording; call it before the tab navigates.
func watchFrames(p *page) *frames {
	p.t.Helper()
	f := &frames{ctxID: map[cdp.FrameID]runtime.ExecutionContextID{}}
	err := chromedp.Listen(p.ctx, func(ev any) {
		e, ok := ev.(*runtime.EventExecutionContextCreated)
		if !ok {
			return
		}
		var aux struct {
			FrameID   cdp.FrameID `json:"frameId"`
			IsDefault bool        `json:"isDefault"`
		}
		if json.Unmarshal([]byte(e.Context.AuxData), &aux) == nil && aux.IsDefault {
			f.mu.Lock()
			f.ctxID[aux.FrameID] = e.Context.ID
			f.mu.Unlock()
		}
	})
	if err != nil {
		p.t.Fatal(err)
	}
	return f
}

// embedFrames returns the JavaScript worlds of the tab's embed.html
// iframes, keyed by their pattern query parameter.
func (f *frames) embedFrames(p *page) map[string]runtime.ExecutionContextID {
	p.t.Helper()
	f.mu.Lock()
	ids := make([]runtime.ExecutionContextID, 0, len(f.ctxID))
	for _, id := range f.ctxID {
		ids = append(ids, id)
	}
	f.mu.Unlock()
	out := map[string]runtime.ExecutionContextID{}
	for _, id := range ids {
		href, err := chromedp.Run(p.ctx, chromedp.Evaluate[string](`location.href`, inContext(id)))
		if err != nil || !strings.Contains(href, "/embed.html?") {
			continue // a frame that has gone, or the host page itself
		}
		u, err := url.Parse(href)
		if err != nil {
			p.t.Fatal(err)
		}
		out[u.Query().Get("pattern")] = id
	}
	return out
}

// inContext evaluates in the given JavaScript world rather than the top
// frame's.
func inContext(id runtime.ExecutionContextID) chromedp.EvaluateOption {
	return func(p *runtime.EvaluateParams) { p.ContextID = id }
}

// evalIn evaluates an expression in a frame's world; promises are awaited.
func evalIn[T any](p *page, id runtime.ExecutionContextID, expr string) T {
	p.t.Helper()
	return run(p, expr, chromedp.Evaluate[T](expr, inContext(id), chromedp.EvalAwaitPromise))
}

// pollIn waits until an expression, or the promise it gives, is true in
// a frame's world; context 0 is the top frame's.
func pollIn(p *page, id runtime.ExecutionContextID, what, expr string) {
	p.t.Helper()
	run(p, what, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			ok, err := chromedp.Evaluate[bool](expr, inContext(id), chromedp.EvalAwaitPromise)(ctx, t)
			if err != nil || ok {
				return err
			}
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-tick.C:
			}
		}
	}))
}

// waitEmbeds waits until the tab has n embed frames and returns them.
func (f *frames) waitEmbeds(p *page, n int) map[string]runtime.ExecutionContextID {
	p.t.Helper()
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		if ids := f.embedFrames(p); len(ids) >= n {
			return ids
		}
		select {
		case <-p.ctx.Done():
			p.t.Fatalf("waiting for %d embed frames: %v", n, p.ctx.Err())
		case <-tick.C:
		}
	}
}
