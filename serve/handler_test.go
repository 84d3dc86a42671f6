package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/web/policy"
)

// newTestSite makes a site folder inside a parent that also holds a secret,
// so that escaping the site has something to find.
func newTestSite(t *testing.T) string {
	t.Helper()
	parent := t.TempDir()
	site := filepath.Join(parent, "site")
	files := map[string]string{
		"index.html":      "<h1>home</h1>",
		"style.css":       "body{}",
		"loader.js":       "void 0",
		"playground.wasm": "\x00asm",
		"favicon.svg":     "<svg/>",
		"data.bin":        "bytes",
		"docs/index.html": "<h1>docs</h1>",
		"404.html":        "<h1>not here</h1>",
		"page.html":       "<p>plain</p>",
		"page.html.gz":    "gzip bytes",
		"page.html.br":    "brotli bytes",
		"only.js":         "void 1",
		"only.js.gz":      "gzip only",
		"empty/keep.txt":  "a folder without an index",
	}
	for name, body := range files {
		p := filepath.Join(site, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
	}
	require.NoError(t, os.WriteFile(filepath.Join(parent, "secret.txt"), []byte("secret"), 0o644))
	require.NoError(t, os.Symlink(filepath.Join(parent, "secret.txt"), filepath.Join(site, "link.txt")))
	return site
}

func TestHandler(t *testing.T) {
	h, err := newSiteHandler(newTestSite(t))
	require.NoError(t, err)
	t.Cleanup(func() { h.Close() })

	tests := []struct {
		name, method, target string
		status               int
		contentType, body    string // checked when not empty
		location             string
	}{
		{name: "root is the index", target: "/", status: 200, contentType: "text/html; charset=utf-8", body: "<h1>home</h1>"},
		{name: "page", target: "/index.html", status: 200, contentType: "text/html; charset=utf-8"},
		{name: "stylesheet", target: "/style.css", status: 200, contentType: "text/css; charset=utf-8"},
		{name: "script", target: "/loader.js", status: 200, contentType: "text/javascript; charset=utf-8"},
		{name: "webassembly", target: "/playground.wasm", status: 200, contentType: "application/wasm"},
		{name: "icon", target: "/favicon.svg", status: 200, contentType: "image/svg+xml"},
		{name: "unknown type is bytes", target: "/data.bin", status: 200, contentType: "application/octet-stream"},
		{name: "head", method: "HEAD", target: "/style.css", status: 200, contentType: "text/css; charset=utf-8"},
		{name: "folder index", target: "/docs/", status: 200, body: "<h1>docs</h1>"},
		{name: "folder without slash is redirected", target: "/docs", status: 301, location: "docs/"},
		{name: "no listing", target: "/empty/", status: 404},
		{name: "no listing without slash", target: "/empty", status: 404},
		{name: "missing", target: "/pool.html", status: 404, contentType: "text/html; charset=utf-8", body: "<h1>not here</h1>"},
		{name: "missing in a folder", target: "/docs/pool.html", status: 404, body: "<h1>not here</h1>"},
		{name: "dot dot", target: "/../secret.txt", status: 400},
		{name: "encoded dot dot", target: "/%2e%2e/secret.txt", status: 400},
		{name: "encoded slash", target: "/docs/..%2f..%2fsecret.txt", status: 400},
		{name: "encoded upper case", target: "/%2E%2E%2Fsecret.txt", status: 400},
		{name: "dot", target: "/./index.html", status: 400},
		{name: "double slash", target: "/docs//index.html", status: 400},
		{name: "backslash", target: "/..%5csecret.txt", status: 400},
		{name: "nul", target: "/index.html%00.css", status: 400},
		{name: "symbolic link out of the folder", target: "/link.txt", status: 404},
		{name: "post", method: "POST", target: "/", status: 405},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			method := tt.method
			if method == "" {
				method = http.MethodGet
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(method, tt.target, nil))
			res := rec.Result()
			assert.Equal(t, tt.status, res.StatusCode)
			assert.NotContains(t, rec.Body.String(), "secret")
			assert.Equal(t, policy.CSP, res.Header.Get("Content-Security-Policy"), "every answer, errors too")
			assert.Equal(t, "nosniff", res.Header.Get("X-Content-Type-Options"))
			assert.Equal(t, "*", res.Header.Get("Access-Control-Allow-Origin"), "public files, for module scripts of other sites")
			if tt.contentType != "" {
				assert.Equal(t, tt.contentType, res.Header.Get("Content-Type"))
				assert.Equal(t, "no-cache", res.Header.Get("Cache-Control"))
			}
			if tt.body != "" {
				assert.Equal(t, tt.body, rec.Body.String())
			}
			if tt.location != "" {
				assert.Equal(t, tt.location, res.Header.Get("Location"))
			}
			if method == http.MethodHead {
				assert.Empty(t, rec.Body.String())
			}
		})
	}
}

func TestNewSiteHandlerRefuses(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	require.NoError(t, os.WriteFile(file, nil, 0o644))
	tests := []struct{ name, dir, want string }{
		{"missing folder", filepath.Join(t.TempDir(), "_site"), "does not exist; run make site first"},
		{"a file", file, "is not a folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := newSiteHandler(tt.dir)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.dir+" ")
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}
