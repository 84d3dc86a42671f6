package site_test

import (
	"strings"
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
	assert.Contains(t, check, `No findings`, "the example arrives checked")
}

// The example is checked as the site is built: each finding is drawn
// under its line, linked to its pattern page beside this one, and the
// status sums them up.
func TestReviewerExampleChecked(t *testing.T) {
	out, err := build(t, fstest.MapFS{
		"index.md": file("# Home\n"),
		"check.md": file("# Check\n\n```reviewer\npackage p\n\nfunc f() { go g() }\n\nfunc g() { panic(1) }\n```\n"),
	})
	require.NoError(t, err)
	check := read(t, out, "check.html")
	assert.Contains(t, check, `1 finding, under its line.`)
	assert.Regexp(t, `<li class="reviewer-line reviewer-flagged" data-line="3"><span class="reviewer-ln">3</span><code class="reviewer-text">func f\(\) \{ go g\(\) \}</code><div class="reviewer-finding" data-question="supervised-tasks" data-check="unowned">`, check)
	assert.Contains(t, check, `<a class="reviewer-link" href="tasks.html?mode=bare">See it run.</a>`)
	assert.Equal(t, 1, strings.Count(check, `class="reviewer-finding"`))
}

// A syntax error in the example is shown on its line, as the page's own
// checks would show it.
func TestReviewerExampleBroken(t *testing.T) {
	out, err := build(t, fstest.MapFS{
		"index.md": file("# Home\n"),
		"check.md": file("# Check\n\n```reviewer\npackage p\n\nfunc f() {\n\tgo\n}\n```\n"),
	})
	require.NoError(t, err)
	check := read(t, out, "check.html")
	assert.Contains(t, check, `reviewer-status reviewer-error`)
	assert.Contains(t, check, `Syntax error: line 5`)
	assert.Contains(t, check, `reviewer-line reviewer-bad" data-line="5"`)
}
