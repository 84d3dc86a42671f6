package site_test

import (
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A reviewer fence becomes the form, prefilled with the fence's code as
// text, and its page loads the reviewer's build, not a playground's.
func TestReviewerPage(t *testing.T) {
	out, err := build(t, fstest.MapFS{
		"index.md": file("# Home\n\n[check](check.html)\n"),
		"check.md": file("# Check\n\n```reviewer\npackage p\n\nfunc f() { _ = \"<b>\" }\n```\n"),
	})
	require.NoError(t, err)
	check, index := read(t, out, "check.html"), read(t, out, "index.html")

	assert.Contains(t, check, "<textarea id=\"reviewer-code\"")
	assert.Contains(t, check, "package p\n\nfunc f() { _ = &#34;&lt;b&gt;&#34; }\n</textarea>", "the example, escaped, whole")
	assert.Contains(t, check, `<script src="reviewer.js" data-wasm="reviewer.wasm" defer></script>`)
	assert.Contains(t, check, `<link rel="stylesheet" href="reviewer.css">`)
	assert.NotContains(t, check, "loader.js", "no playground on the page")
	assert.NotContains(t, index, "reviewer", "only the page with the form loads the reviewer")
}
