package e2e

import (
	"bytes"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// siteFiles returns the files of a built site by path.
func siteFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	require.NoError(t, fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files[p], err = os.ReadFile(filepath.Join(dir, p))
		return err
	}))
	return files
}

// TestSiteBuild builds the site once more with `make site`, as the deploy
// does: the new tree is identical, byte for byte, to the one the suite
// runs against, and every URL in it is relative, so the same tree works at
// a domain root and under a project path. (The second build links its wasm
// from Go's build cache; a build with -a, every package compiled afresh,
// gave the same bytes when checked by hand, but takes minutes.)
func TestSiteBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the site again")
	}
	dir := filepath.Join(t.TempDir(), "site")
	require.NoError(t, buildSite(dir))
	a, b := siteFiles(t, env.site), siteFiles(t, dir)
	require.Equal(t, slices.Sorted(maps.Keys(a)), slices.Sorted(maps.Keys(b)), "the same files")
	for name, data := range a {
		assert.True(t, bytes.Equal(data, b[name]), "%s differs between two builds", name)
	}
	for _, need := range []string{"index.html", "embed.html", "embed.js", "sw.js", "offline.js", "wasm_exec.js", "playground.wasm", "playground.wasm.gz", "playground.wasm.br", "404.html", "loader.js"} {
		assert.Contains(t, a, need)
	}

	url := regexp.MustCompile(`(?:href|src)="([^"]*)"`)
	for name, data := range a {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, m := range url.FindAllSubmatch(data, -1) {
			u := string(m[1])
			if !strings.HasPrefix(u, "https://") {
				assert.NotRegexp(t, `^(/|[a-z]+:)`, u, "%s: URL %q is not relative", name, u)
			}
		}
	}
}
