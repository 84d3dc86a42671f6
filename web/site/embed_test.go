package site_test

import (
	"encoding/json"
	"regexp"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/web/site"
)

func TestEmbed(t *testing.T) {
	assets := static()
	assets["embed.js"] = file("const SCENARIOS = /* filled in by the site builder */ null;\n")
	out := t.TempDir()
	require.NoError(t, site.Build(site.Config{
		Content: fstest.MapFS{
			"index.md":  file("# Home\n"),
			"stream.md": file("# S\n\n```playground stream\n```\n\n```playground tasks\n```\n\n```playground stage\n```\n"),
			"tasks.md":  file("# T\n\n```playground tasks\n```\n"),
		},
		ContentDir: "content", Static: assets, Out: out,
	}))

	t.Run("embed.js knows every demo and its parameters", func(t *testing.T) {
		m := regexp.MustCompile(`const SCENARIOS = (\{.*\});`).FindStringSubmatch(read(t, out, "embed.js"))
		require.NotNil(t, m)
		var got map[string]struct {
			Title  string   `json:"title"`
			Params []string `json:"params"`
		}
		require.NoError(t, json.Unmarshal([]byte(m[1]), &got))
		assert.Len(t, got, len(scenario.Names()))
		s, _ := scenario.Lookup("stream")
		assert.Equal(t, s.Title, got["stream"].Title)
		assert.Contains(t, got["stream"].Params, "max_concurrency")
	})

	t.Run("the embed page links back to the page about each demo", func(t *testing.T) {
		page := read(t, out, "embed.html")
		assert.Contains(t, page, `<a data-pattern="stream" data-wasm="playground.wasm" href="stream.html"`)
		assert.Contains(t, page, `<a data-pattern="tasks" data-wasm="playground.wasm" href="tasks.html"`, "its own page, not an earlier one that shows it among others")
		assert.Contains(t, page, `<a data-pattern="stage" data-wasm="playground.wasm" href="stream.html"`, "no page of its own: the first that shows it")
		assert.Contains(t, page, `<a data-pattern="pool" data-wasm="playground.wasm" href="index.html"`, "no page yet: the index")
		assert.Contains(t, page, `<div class="playground" data-playground-embed>`)
		assert.Contains(t, page, `<meta http-equiv="Content-Security-Policy"`)
		assert.NotContains(t, page, `class="site-header"`, "no site chrome")
		assert.NotContains(t, page, "style=")
		assert.NotRegexp(t, `<script>|<script [^>]*>[^<]`, page, "inline script")
	})
}
