package e2e

import (
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// needHugo skips a test without Debian's hugo, or fails it under CI, where
// make deps has installed it.
func needHugo(t *testing.T) string {
	t.Helper()
	hugo, err := exec.LookPath("hugo")
	if err == nil {
		return hugo
	}
	if os.Getenv("CI") != "" {
		t.Fatal("no hugo (make deps installs it)")
	}
	t.Skip("no hugo (make deps installs it)")
	return ""
}

// TestHugoSite builds a small Hugo docs site with the shortcode the
// repository ships, as a docs author would (copied into the site, the
// playground's address in the site's params), and serves it on another
// origin: the two demos, with their own parameters, one named with an
// underscore, run and size themselves, with no word in the console.
func TestHugoSite(t *testing.T) {
	hugo := needHugo(t)
	needBrowser(t)
	dir := t.TempDir()
	require.NoError(t, os.CopyFS(dir, os.DirFS(filepath.Join("testdata", "hugo-site"))))
	shortcode, err := os.ReadFile(filepath.Join("..", "web", "hugo", "layouts", "shortcodes", "playground.html"))
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "layouts", "shortcodes"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "layouts", "shortcodes", "playground.html"), shortcode, 0o644))

	public := filepath.Join(dir, "public")
	srv := httptest.NewServer(http.FileServer(http.Dir(public)))
	t.Cleanup(srv.Close)
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	host := "http://localhost:" + port + "/"

	config, err := os.OpenFile(filepath.Join(dir, "hugo.toml"), os.O_APPEND|os.O_WRONLY, 0)
	require.NoError(t, err)
	_, err = config.WriteString("baseURL = \"" + host + "\"\n\n[params]\nplayground = \"" + env.baseURL + "\"\n")
	require.NoError(t, err)
	require.NoError(t, config.Close())
	out, err := exec.Command(hugo, "--source", dir, "--destination", public, "--quiet").CombinedOutput()
	require.NoError(t, err, "hugo: %s", out)

	page, err := os.ReadFile(filepath.Join(public, "guide", "index.html"))
	require.NoError(t, err)
	html := string(page)
	assert.Contains(t, html, `<div data-playground="stream" data-items="12" data-max_concurrency="2">`)
	assert.NotContains(t, html, "ZgotmplZ", "no name escaped away")
	assert.NotContains(t, html, "raw HTML omitted")
	assert.Equal(t, 1, strings.Count(html, `embed.js"`), "embed.js once for two demos")

	p, fr := openHost(t, host+"guide/")
	ids := fr.waitEmbeds(p, 2)
	for name, id := range ids {
		embedSized(p, id, name)
	}
	assert.Equal(t, map[string]string{"items": "12", "max_concurrency": "2"},
		evalIn[map[string]string](p, ids["stream"], `(({items, max_concurrency}) => ({items, max_concurrency}))(playgrounds[0].params())`))
	assert.Equal(t, map[string]string{"items": "16", "size": "3", "strategy": "fifo"},
		evalIn[map[string]string](p, ids["pool"], `(({items, size, strategy}) => ({items, size, strategy}))(playgrounds[0].params())`))
	assert.Equal(t, 12.0, evalIn[map[string]float64](p, ids["stream"], `playgrounds[0].run()`)["items"])
	assert.Equal(t, 2, eval[int](p, `[...document.querySelectorAll("iframe")].filter(f => f.getBoundingClientRect().height > 600).length`),
		"both taller than their loading height")
	p.screenshot("ship-hugo-site")
	p.noConsoleErrors()
}
