package site_test

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// patternsSite has an index whose first list links every pattern page in
// the order to read them, a list of links that is not the map, and a page
// the map leaves out.
func patternsSite() fstest.MapFS {
	return fstest.MapFS{
		"index.md": file("# Home\n\n- [See also](notes.html): not a pattern\n\n## The patterns\n\n" +
			"- [Pool](pool.html): workers lent and given back.\n" +
			"- [Stream](stream.html): a bounded parallel map.\n" +
			"- [Limiter](limiter.html): at most N at a time.\n"),
		"stream.md":  file("# Stream\n\n```playground stream\nitems: 12\n```\n"),
		"pool.md":    file("# Pool\n\n```playground pool\n```\n\nAnother demo:\n\n```playground spawn\n```\n"),
		"limiter.md": file("# Limiter\n\n```playground limiter\n```\n"),
		"notes.md":   file("# Notes\n\nNo demo here.\n"),
	}
}

func TestMapOfThePatterns(t *testing.T) {
	out, err := build(t, patternsSite())
	require.NoError(t, err)
	index := read(t, out, "index.html")
	assert.Contains(t, index, `<ul class="pattern-map">`)
	cards := regexp.MustCompile(`<li>\s*<a class="pattern-map-picture" href="([a-z]+\.html)" tabindex="-1" aria-hidden="true"><svg class="pg-picture"`).FindAllStringSubmatch(index, -1)
	var order []string
	for _, c := range cards {
		order = append(order, c[1])
	}
	assert.Equal(t, []string{"pool.html", "stream.html", "limiter.html"}, order, "a picture for each pattern, in the list's order")
	assert.Equal(t, 1, strings.Count(index, `href="notes.html"`), "a list that links pages without demos stays a list")

	// The map shows a page's first demo, drawn once for both.
	stream := read(t, out, "stream.html")
	card := regexp.MustCompile(`(?s)href="stream.html" tabindex="-1" aria-hidden="true">(<svg.*?</svg>)`).FindStringSubmatch(index)
	require.Len(t, card, 2)
	assert.Contains(t, stream, `<div class="pg-still-narrow">`+card[1], "the map's picture is the page's phone picture")
}

func TestReadingOrder(t *testing.T) {
	out, err := build(t, patternsSite())
	require.NoError(t, err)
	nav := func(page string) string {
		m := regexp.MustCompile(`(?s)<nav class="pattern-nav".*?</nav>`).FindString(read(t, out, page))
		return m
	}
	pool, stream, limiter := nav("pool.html"), nav("stream.html"), nav("limiter.html")
	assert.NotContains(t, pool, `rel="prev"`, "the first pattern has no previous one")
	assert.Contains(t, pool, `<a class="pattern-nav-next" rel="next" href="stream.html"><small>Next</small> Stream</a>`)
	assert.Contains(t, stream, `<a class="pattern-nav-prev" rel="prev" href="pool.html"><small>Previous</small> Pool</a>`)
	assert.Contains(t, stream, `<a class="pattern-nav-next" rel="next" href="limiter.html"><small>Next</small> Limiter</a>`)
	assert.Contains(t, limiter, `rel="prev" href="stream.html"`)
	assert.NotContains(t, limiter, `rel="next"`, "the last pattern has no next one")
	for _, n := range []string{pool, stream, limiter} {
		all := regexp.MustCompile(`<li><a href="([a-z]+\.html)"`).FindAllStringSubmatch(n, -1)
		require.Len(t, all, 3, "every pattern page lists them all")
		assert.Equal(t, []string{"pool.html", "stream.html", "limiter.html"}, []string{all[0][1], all[1][1], all[2][1]})
		assert.Contains(t, n, `<a href="index.html">All the patterns</a>`)
	}
	assert.Contains(t, stream, `<a href="stream.html" aria-current="page">Stream</a>`)
	notes := nav("notes.html")
	assert.Contains(t, notes, `<li><a href="stream.html">Stream</a></li>`, "a page outside the order lists the patterns")
	assert.NotContains(t, notes, "rel=")
	assert.NotContains(t, notes, "aria-current")
	assert.Empty(t, nav("index.html"), "the index is the map")
}

func TestNoMapWithoutAList(t *testing.T) {
	out, err := build(t, fstest.MapFS{
		"index.md":  file("# Home\n\nThe [stream](stream.html) is a pattern.\n"),
		"stream.md": file("# Stream\n\n```playground stream\n```\n"),
	})
	require.NoError(t, err)
	assert.NotContains(t, read(t, out, "index.html"), "pattern-map")
	assert.NotContains(t, read(t, out, "stream.html"), "pattern-nav")
}
