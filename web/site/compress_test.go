package site_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/web/site"
)

func TestCompress(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache)
	out := t.TempDir()
	big := strings.Repeat("<p>the same paragraph, again and again</p>\n", 3000) // over the size worth caching
	files := map[string]string{
		"page.html":        big,
		"tiny.txt":         "x", // compressed, it would only grow
		"picture.png":      "\x89PNG not compressible",
		"nested/style.css": strings.Repeat("p { margin: 0 } ", 100),
	}
	for name, body := range files {
		p := filepath.Join(out, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
	}
	require.NoError(t, site.Compress(out))

	unzip := map[string]func(io.Reader) (io.Reader, error){
		".gz": func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) },
		".br": func(r io.Reader) (io.Reader, error) { return brotli.NewReader(r), nil },
	}
	first := map[string][]byte{}
	for _, name := range []string{"page.html", "nested/style.css"} {
		for suffix, open := range unzip {
			small, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)+suffix))
			require.NoError(t, err)
			assert.Less(t, len(small), len(files[name]))
			r, err := open(bytes.NewReader(small))
			require.NoError(t, err)
			back, err := io.ReadAll(r)
			require.NoError(t, err)
			assert.Equal(t, files[name], string(back), "%s%s holds the same bytes", name, suffix)
			first[name+suffix] = small
		}
	}
	for _, name := range []string{"tiny.txt", "picture.png"} {
		for suffix := range unzip {
			assert.NoFileExists(t, filepath.Join(out, name+suffix))
		}
	}
	kept, err := filepath.Glob(filepath.Join(cache, "concurrency-playground", "compressed", "*"))
	require.NoError(t, err)
	assert.Len(t, kept, 2, "the large file's copies are kept for the next build, the small ones' are not")

	require.NoError(t, site.Compress(out))
	for name, small := range first {
		again, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
		require.NoError(t, err)
		assert.Equal(t, small, again, "%s: the same bytes, build after build", name)
	}
}
