package form_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/wasm/form"
)

func TestSnippet(t *testing.T) {
	s := stream(t)
	v, errs := s.Parse(map[string]string{"max_concurrency": "3", "items": "50", "ordered": "FALSE"})
	require.Empty(t, errs)
	base := "https://example.org/concurrency/"

	assert.Equal(t, base+"embed.html?items=50&max_concurrency=3&ordered=false&pattern=stream", form.EmbedURL(base, s, v))
	assert.Equal(t, `<script src="https://example.org/concurrency/embed.js" defer></script>
<div data-playground="stream" data-items="50" data-max_concurrency="3" data-ordered="false">
  <a href="https://example.org/concurrency/embed.html?items=50&amp;max_concurrency=3&amp;ordered=false&amp;pattern=stream">Live demo: Bounded parallel stream</a>
</div>
`, form.Snippet(base, s, v))

	defaults, _ := s.Parse(nil)
	assert.Contains(t, form.Snippet(base, s, defaults), `<div data-playground="stream">`, "defaults need no attribute")
	assert.Contains(t, form.Snippet(`"><b>`, s, defaults), `&#34;&gt;&lt;b&gt;embed.js`, "even the base is escaped")
}

func TestPatternIsReserved(t *testing.T) {
	raw, unknown := form.Merge(stream(t), map[string]string{"pattern": "stream", "items": "9"})
	assert.Empty(t, unknown, "the embed page's pattern is the playground's, not a parameter")
	assert.Equal(t, "9", raw["items"])
}
