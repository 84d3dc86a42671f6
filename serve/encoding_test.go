package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAccepts(t *testing.T) {
	tests := []struct {
		header, encoding string
		want             bool
	}{
		{"gzip, deflate, br, zstd", "br", true},
		{"gzip, deflate, br, zstd", "gzip", true},
		{"gzip", "br", false},
		{"", "gzip", false},
		{"br;q=0, gzip", "br", false},
		{"br;q=0.5", "br", true},
		{" BR ; q=1.0 ", "br", true},
		{"*", "br", true},
		{"*;q=0", "gzip", false},
		{"gzip;q=0, *", "gzip", false},
		{"identity", "gzip", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, accepts(tt.header, tt.encoding), "%q takes %s", tt.header, tt.encoding)
	}
}

// TestCompressedCopies asks for files with and without compressed copies,
// in the encodings browsers and other clients accept.
func TestCompressedCopies(t *testing.T) {
	h, err := newSiteHandler(newTestSite(t))
	require.NoError(t, err)
	t.Cleanup(func() { h.Close() })
	tests := []struct {
		name, target, accept string
		encoding, body       string
	}{
		{"a browser gets brotli", "/page.html", "gzip, deflate, br, zstd", "br", "brotli bytes"},
		{"gzip alone", "/page.html", "gzip", "gzip", "gzip bytes"},
		{"brotli refused", "/page.html", "br;q=0, gzip", "gzip", "gzip bytes"},
		{"nothing accepted", "/page.html", "", "", "<p>plain</p>"},
		{"only the copy there is", "/only.js", "br, gzip", "gzip", "gzip only"},
		{"no copy", "/loader.js", "br, gzip", "", "void 0"},
	}
	tagOf := map[string]string{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, tt.target, nil)
			req.Header.Set("Accept-Encoding", tt.accept)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			res := rec.Result()
			assert.Equal(t, http.StatusOK, res.StatusCode)
			assert.Equal(t, tt.encoding, res.Header.Get("Content-Encoding"))
			assert.Equal(t, tt.body, rec.Body.String())
			assert.Equal(t, "Accept-Encoding", res.Header.Get("Vary"), "a cache must keep the encodings apart")
			assert.Equal(t, types[filepath.Ext(tt.target)], res.Header.Get("Content-Type"), "the type of the file, not of the copy")
			tag := res.Header.Get("ETag")
			require.NotEmpty(t, tag)
			if other, ok := tagOf[tt.target+tt.encoding]; ok {
				assert.Equal(t, other, tag)
			}
			for k, other := range tagOf {
				if k != tt.target+tt.encoding {
					assert.NotEqual(t, other, tag, "each copy has its own tag")
				}
			}
			tagOf[tt.target+tt.encoding] = tag

			again := httptest.NewRequest(http.MethodGet, tt.target, nil)
			again.Header.Set("Accept-Encoding", tt.accept)
			again.Header.Set("If-None-Match", tag)
			rec = httptest.NewRecorder()
			h.ServeHTTP(rec, again)
			assert.Equal(t, http.StatusNotModified, rec.Code)
		})
	}
	t.Run("an image does not vary", func(t *testing.T) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/data.bin", nil))
		assert.Empty(t, rec.Header().Get("Vary"))
	})
}

// TestTagFollowsBytes rewrites a file within the same second, keeping its
// size and time: its tag changes, so a browser revalidating its copy gets
// the new bytes, where Last-Modified alone would answer 304.
func TestTagFollowsBytes(t *testing.T) {
	dir := newTestSite(t)
	h, err := newSiteHandler(dir)
	require.NoError(t, err)
	t.Cleanup(func() { h.Close() })
	get := func(tag string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodGet, "/loader.js", nil)
		if tag != "" {
			req.Header.Set("If-None-Match", tag)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	first := get("")
	tag := first.Header().Get("ETag")
	file := filepath.Join(dir, "loader.js")
	info, err := os.Stat(file)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(file, []byte("void 9"), 0o644))
	require.NoError(t, os.Chtimes(file, info.ModTime(), info.ModTime()))

	rec := get(tag)
	assert.Equal(t, http.StatusOK, rec.Code)
	assert.Equal(t, "void 9", rec.Body.String())
	assert.NotEqual(t, tag, rec.Header().Get("ETag"))
}
