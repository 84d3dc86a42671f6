package e2e

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/serviceworker"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// buildVersion reads the version the site builder gave sw.js.
func buildVersion(t *testing.T, dir string) string {
	t.Helper()
	sw, err := os.ReadFile(filepath.Join(dir, "sw.js"))
	require.NoError(t, err)
	m := regexp.MustCompile(`"version":"([0-9a-f]+)"`).FindSubmatch(sw)
	require.NotNil(t, m)
	return string(m[1])
}

// TestServiceWorkerUpdates deploys a second build over the first: the
// browser copies it, and once no tab shows the first build, serves the
// second and forgets the first.
func TestServiceWorkerUpdates(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.CopyFS(dir, os.DirFS(env.site)))
	first := buildVersion(t, dir)
	host := newStaticHost(t, dir, false, false)
	cacheNames := `caches.keys()`

	t.Run("first build", func(t *testing.T) {
		p := newPage(t)
		run(p, "opening", chromedp.Navigate(host.URL+"stream.html"))
		serviceWorkerReady(p)
		assert.Equal(t, []string{"playground-" + first}, await[[]string](p, cacheNames))
	})

	// The new deploy has one more file; the last step of a build hashes
	// the folder anew. Its sw.js keeps the first one's modification time,
	// as a deploy within the same second would: the browser revalidates
	// its copy of sw.js, and only the host's ETag, made from the bytes,
	// tells the two apart (a one-second Last-Modified alone answers 304,
	// and the browser never sees the new build).
	swPath := filepath.Join(dir, "sw.js")
	before, err := os.Stat(swPath)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "news.txt"), []byte("a new build"), 0o644))
	require.NoError(t, goCmd(nil, "run", "./web", "-out", dir, "-finish"))
	require.NoError(t, os.Chtimes(swPath, before.ModTime(), before.ModTime()))
	second := buildVersion(t, dir)
	require.NotEqual(t, first, second)

	t.Run("new build found", func(t *testing.T) {
		p := newPage(t)
		run(p, "opening", chromedp.Navigate(host.URL+"stream.html"))
		pollIn(p, 0, "waiting for the new worker", `navigator.serviceWorker.getRegistration().then(r => r.waiting !== null)`)
		assert.Contains(t, await[[]string](p, cacheNames), "playground-"+second, "the new build is copied beside the old")
	})

	t.Run("new build served", func(t *testing.T) {
		// The tab of the last sub-test shows the first build until the
		// browser has closed it; a page opened before then would be the
		// first build's too, and keep the second one waiting. The browser
		// activates the second build once that tab has gone: wait for it
		// from a blank tab, which shows no build.
		p := newPage(t)
		workersSettled(p, host.URL+"sw.js")
		run(p, "opening", chromedp.Navigate(host.URL+"stream.html"))
		pollIn(p, 0, "waiting for the old copy to go", `caches.keys().then(k => k.length === 1 && k[0] === "playground-`+second+`")`)
		host.srv.Close()
		assert.Equal(t, "a new build", await[string](p, `fetch("news.txt").then(r => r.text())`), "served from the new copy, offline")
	})
}

// workersSettled waits until the service worker of the given script has
// one version, active, and none installed beside it waiting for the tabs
// of an older one to go.
func workersSettled(p *page, script string) {
	p.t.Helper()
	var mu sync.Mutex
	status := map[string]serviceworker.VersionStatus{} // by version
	err := chromedp.Listen(p.ctx, func(ev any) {
		if e, ok := ev.(*serviceworker.EventWorkerVersionUpdated); ok {
			mu.Lock()
			for _, v := range e.Versions {
				if v.ScriptURL == script {
					status[v.VersionID] = v.Status
				}
			}
			mu.Unlock()
		}
	})
	require.NoError(p.t, err)
	run(p, "watching service workers", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, serviceworker.Enable, cdp.Empty{})
		return err
	}))
	settled := func() bool {
		mu.Lock()
		defer mu.Unlock()
		active := 0
		for _, s := range status {
			switch s {
			case serviceworker.VersionStatusActivated:
				active++
			case serviceworker.VersionStatusRedundant:
			default:
				return false // installing, waiting or activating
			}
		}
		return active == 1
	}
	run(p, "waiting for one active worker", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for !settled() {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-tick.C:
			}
		}
		return nil
	}))
}
