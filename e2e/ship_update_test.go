package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

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
	// the folder anew.
	require.NoError(t, os.WriteFile(filepath.Join(dir, "news.txt"), []byte("a new build"), 0o644))
	require.NoError(t, goCmd(nil, "run", "./web", "-out", dir, "-service-worker"))
	second := buildVersion(t, dir)
	require.NotEqual(t, first, second)

	t.Run("new build found", func(t *testing.T) {
		p := newPage(t)
		run(p, "opening", chromedp.Navigate(host.URL+"stream.html"))
		pollIn(p, 0, "waiting for the new worker", `navigator.serviceWorker.getRegistration().then(r => r.waiting !== null)`)
		assert.Contains(t, await[[]string](p, cacheNames), "playground-"+second, "the new build is copied beside the old")
	})

	t.Run("new build served", func(t *testing.T) {
		p := newPage(t)
		run(p, "opening", chromedp.Navigate(host.URL+"stream.html"))
		pollIn(p, 0, "waiting for the old copy to go", `caches.keys().then(k => k.length === 1 && k[0] === "playground-`+second+`")`)
		host.srv.Close()
		assert.Equal(t, "a new build", await[string](p, `fetch("news.txt").then(r => r.text())`), "served from the new copy, offline")
	})
}
