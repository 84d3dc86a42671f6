package site_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/web/site"
)

// swBuild reads the build data the site builder filled into sw.js.
func swBuild(t *testing.T, dir string) (version string, files []string) {
	t.Helper()
	m := regexp.MustCompile(`const BUILD = (\{.*\});`).FindStringSubmatch(read(t, dir, "sw.js"))
	require.NotNil(t, m, "sw.js holds the build's data")
	var info struct {
		Version string   `json:"version"`
		Files   []string `json:"files"`
	}
	require.NoError(t, json.Unmarshal([]byte(m[1]), &info))
	return info.Version, info.Files
}

func TestServiceWorker(t *testing.T) {
	assets := static()
	assets["sw.js"] = file("const BUILD = /* filled in by the site builder */ null;\n")
	content := fstest.MapFS{"index.md": file("# Home\n")}
	out := t.TempDir()
	// The wasm builds are in the folder when the service worker is written.
	require.NoError(t, os.WriteFile(filepath.Join(out, "playground.wasm"), []byte("\x00asm v1"), 0o644))
	build := func() {
		t.Helper()
		require.NoError(t, site.Build(site.Config{Content: content, ContentDir: "content", Static: assets, Out: out}))
		require.NoError(t, site.WriteServiceWorker(assets, out))
	}

	// The first build is finished as make site does, with compressed
	// copies, which the next ones' versions must not count.
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	require.NoError(t, site.Build(site.Config{Content: content, ContentDir: "content", Static: assets, Out: out}))
	require.NoError(t, site.Finish(assets, out))
	v1, files := swBuild(t, out)
	assert.Equal(t, []string{"404.html", "embed.html", "favicon.svg", "fonts/mono.txt", "index.html", "picture.css", "playground.wasm", "style.css"}, files,
		"every file of the build, the wasm included, sorted; sw.js and the compressed copies aside")
	assert.FileExists(t, filepath.Join(out, "404.html.gz"), "with compressed copies")
	assert.Regexp(t, `^[0-9a-f]{16}$`, v1)

	build()
	v2, _ := swBuild(t, out)
	assert.Equal(t, v1, v2, "the same files give the same version")

	require.NoError(t, os.WriteFile(filepath.Join(out, "playground.wasm"), []byte("\x00asm v2"), 0o644))
	build()
	v3, _ := swBuild(t, out)
	assert.NotEqual(t, v1, v3, "a new wasm is a new version, so browsers copy it")
}

func TestServiceWorkerNeedsItsMark(t *testing.T) {
	assets := static()
	assets["sw.js"] = file("const BUILD = null;\n")
	err := site.WriteServiceWorker(assets, t.TempDir())
	require.Error(t, err)
	assert.Contains(t, err.Error(), "sw.js has no single /* filled in by the site builder */ mark")
}
