package site_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/web/site"
)

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }

// static is the smallest valid set of assets.
func static() fstest.MapFS {
	return fstest.MapFS{
		"style.css":      file("body { margin: 0; }\n"),
		"picture.css":    file(".pg-picture { display: block; }\n"),
		"favicon.svg":    file("<svg/>"),
		"fonts/mono.txt": file("nested files keep their folder"),
	}
}

func build(t *testing.T, content fstest.MapFS) (string, error) {
	t.Helper()
	out := t.TempDir()
	err := site.Build(site.Config{Content: content, ContentDir: "content", Static: static(), Out: out})
	return out, err
}

func read(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	require.NoError(t, err)
	return string(b)
}

func TestBuild(t *testing.T) {
	out, err := build(t, fstest.MapFS{
		"index.md":  file("# Concurrency patterns playground\n\nSee [the stream](stream.html#why), [Go](https://go.dev/) and [a section](#top).\n"),
		"stream.md": file("# Bounded *parallel* stream\n\n## Why\n\n```go\nfunc f() {}\n```\n\n```playground stream\nitems: 30\n```\n"),
		"notes.txt": file("not markdown, not built"),
	})
	require.NoError(t, err)

	entries, err := os.ReadDir(out)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	assert.ElementsMatch(t, []string{"index.html", "stream.html", "embed.html", "404.html", "style.css", "picture.css", "favicon.svg", "fonts"}, names)
	assert.Equal(t, "nested files keep their folder", read(t, out, "fonts/mono.txt"))

	index, stream, notFound := read(t, out, "index.html"), read(t, out, "stream.html"), read(t, out, "404.html")
	t.Run("titles", func(t *testing.T) {
		assert.Contains(t, index, "<title>Concurrency patterns playground</title>")
		assert.Contains(t, stream, "<title>Bounded parallel stream · Concurrency patterns playground</title>")
	})
	t.Run("layout", func(t *testing.T) {
		for _, page := range []string{index, stream} {
			assert.Contains(t, page, `<a class="site-name" href="index.html">`)
			assert.Contains(t, page, `<link rel="icon" href="favicon.svg" type="image/svg+xml">`)
			assert.Contains(t, page, `<link rel="stylesheet" href="style.css">`)
			assert.Contains(t, page, "<footer")
			assert.Contains(t, page, `<meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;; script-src &#39;self&#39; &#39;wasm-unsafe-eval&#39;;`)
			assert.Contains(t, page, `<script src="offline.js" defer></script>`, "every page registers the service worker")
		}
	})
	t.Run("scripts only with a demo", func(t *testing.T) {
		assets := []string{`<script src="wasm_exec.js" defer></script>`, `<script src="loader.js" data-wasm="playground.wasm" defer></script>`, `href="playground.css"`}
		for _, a := range assets {
			assert.Contains(t, stream, a)
			assert.NotContains(t, index, a)
		}
	})
	t.Run("rendered markdown", func(t *testing.T) {
		assert.Contains(t, stream, `<h2 id="why">Why</h2>`)
		assert.Contains(t, stream, `<span class="kd">func</span>`)
		assert.Contains(t, stream, `data-playground="stream" data-params="{&#34;items&#34;:&#34;30&#34;}"`)
	})
	t.Run("a page for addresses the site has not", func(t *testing.T) {
		assert.Contains(t, notFound, "<title>No page here · Concurrency patterns playground</title>")
		assert.Contains(t, notFound, `<link rel="stylesheet" href="style.css">`, "in the site's style")
		assert.Contains(t, notFound, `<li><a href="index.html">Concurrency patterns playground</a></li>
<li><a href="stream.html">Bounded parallel stream</a></li>`, "every page, index first")
		assert.NotContains(t, notFound, "loader.js", "no demo")
	})
	t.Run("no absolute or inline", func(t *testing.T) {
		for _, page := range []string{index, stream, notFound} {
			for _, m := range regexp.MustCompile(`(?:href|src)="([^"]*)"`).FindAllStringSubmatch(page, -1) {
				if !strings.HasPrefix(m[1], "https://") {
					assert.NotRegexp(t, `^(/|[a-z]+:)`, m[1], "URL %q is not relative", m[1])
				}
			}
			assert.NotContains(t, page, "style=")
			assert.NotRegexp(t, `<script>|<script [^>]*>[^<]`, page, "inline script")
		}
	})
	t.Run("stylesheet has both highlighting themes", func(t *testing.T) {
		css := read(t, out, "style.css")
		assert.True(t, strings.HasPrefix(css, "body { margin: 0; }\n"), "the static stylesheet comes first")
		assert.Contains(t, css, ".chroma .kd {")
		assert.Contains(t, css, "@media (prefers-color-scheme: dark)")
	})
}

func TestBuildRefuses(t *testing.T) {
	index := file("# Home\n")
	tests := []struct {
		name    string
		content fstest.MapFS
		want    string
	}{
		{
			name:    "invalid playground parameter",
			content: fstest.MapFS{"index.md": index, "stream.md": file("# S\n\n```playground stream\nitems: 0\n```\n")},
			want:    `content/stream.md: line 4: playground stream: items: must be a whole number from 1 to 20000, got "0"`,
		},
		{
			name:    "unknown scenario",
			content: fstest.MapFS{"index.md": file("# Home\n\n```playground nope\n```\n")},
			want:    `content/index.md: line 3: playground nope: unknown scenario "nope"`,
		},
		{
			name: "guided moment with an unknown parameter",
			content: fstest.MapFS{"index.md": index,
				"stream.md": file("# S\n\n```playground stream\n```\n\n- [Try](#try?bogus=1&stop=emitted)\n")},
			want: `content/stream.md: line 6: guided moment (#try link) of playground stream: bogus: is not a parameter of stream`,
		},
		{
			name: "guided moment with an unknown kind of event",
			content: fstest.MapFS{"index.md": index,
				"stream.md": file("# S\n\n```playground stream\n```\n\n- [Try](#try?ordered=false&stop=emited)\n")},
			want: `content/stream.md: line 6: guided moment (#try link) of playground stream: stop: "emited" is not a kind of event`,
		},
		{
			name:    "page without a title",
			content: fstest.MapFS{"index.md": index, "notes.md": file("Just text.\n\n## Not level one\n")},
			want:    "content/notes.md: no level-1 heading",
		},
		{
			name:    "site without an index",
			content: fstest.MapFS{"stream.md": file("# S\n")},
			want:    "content: no index.md",
		},
		{
			name:    "root-relative link",
			content: fstest.MapFS{"index.md": file("# Home\n\n[s](/stream.html)\n"), "stream.md": file("# S\n")},
			want:    `content/index.md: link "/stream.html" is root-relative; write it relative to the page (stream.html)`,
		},
		{
			name:    "link to a missing page",
			content: fstest.MapFS{"index.md": file("# Home\n\n[pool](pool.html)\n")},
			want:    `content/index.md: link "pool.html" points to a file the site does not have`,
		},
		{
			name:    "image outside the site",
			content: fstest.MapFS{"index.md": file("# Home\n\n![x](../x.png)\n")},
			want:    `link "../x.png" points to a file the site does not have`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := build(t, tt.content)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			entries, err := os.ReadDir(out)
			require.NoError(t, err)
			assert.Empty(t, entries, "a failed build writes nothing")
		})
	}
}

func TestBuildNeedsAssets(t *testing.T) {
	for _, missing := range []string{"style.css", "picture.css", "favicon.svg"} {
		t.Run(missing, func(t *testing.T) {
			assets := static()
			delete(assets, missing)
			err := site.Build(site.Config{
				Content: fstest.MapFS{"index.md": file("# Home\n")}, ContentDir: "content",
				Static: assets, Out: t.TempDir(),
			})
			require.Error(t, err)
			assert.Contains(t, err.Error(), "static assets have no "+missing)
		})
	}
}

// TestContent builds the real pages with the real assets, so a mistake in
// content/ fails the tests, not only the deploy.
func TestContent(t *testing.T) {
	root := filepath.Join("..", "..")
	err := site.Build(site.Config{
		Content:    os.DirFS(filepath.Join(root, "content")),
		ContentDir: "content",
		Code:       os.DirFS(root),
		Static:     os.DirFS(filepath.Join(root, "web", "static")),
		Out:        t.TempDir(),
	})
	require.NoError(t, err)
}
