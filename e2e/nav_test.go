package e2e

import (
	"strings"
	"testing"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// navLink is a link of a pattern page's way through the patterns.
type navLink struct {
	Href, Text string
}

// TestWayThroughThePatterns starts at the first pattern of the index's map
// and follows each page's "next" link to the last: every pattern page has
// its previous and next in the map's order and lists them all, and the
// way back leads where it came from.
func TestWayThroughThePatterns(t *testing.T) {
	p := newPage(t)
	p.show(desktop)
	p.open("index.html")
	order := eval[[]string](p, `[...document.querySelectorAll(".pattern-map > li > a:not(.pattern-map-picture)")].map(a => a.getAttribute("href"))`)
	require.GreaterOrEqual(t, len(order), 8, "the map lists the patterns")
	pictures := eval[int](p, `document.querySelectorAll(".pattern-map > li > a.pattern-map-picture > svg").length`)
	assert.Equal(t, len(order), pictures, "each pattern on the map has its picture")

	run(p, "opening the first pattern", chromedp.WaitEvent(cdppage.LoadEventFired, nil,
		chromedp.Click(chromedp.CSS(`.pattern-map a[href="`+order[0]+`"]:not(.pattern-map-picture)`))))
	for i, want := range order {
		here := run(p, "location", chromedp.Location())
		require.True(t, strings.HasSuffix(here, "/"+want), "step %d: at %s, want %s", i, here, want)
		prev := eval[[]navLink](p, `[...document.querySelectorAll(".pattern-nav a[rel=prev]")].map(a => ({href: a.getAttribute("href"), text: a.textContent}))`)
		next := eval[[]navLink](p, `[...document.querySelectorAll(".pattern-nav a[rel=next]")].map(a => ({href: a.getAttribute("href"), text: a.textContent}))`)
		all := eval[[]string](p, `[...document.querySelectorAll(".pattern-nav-all a")].map(a => a.getAttribute("href"))`)
		assert.Equal(t, order, all, "%s lists every pattern in order", want)
		assert.Equal(t, []string{want}, eval[[]string](p, `[...document.querySelectorAll(".pattern-nav-all a[aria-current=page]")].map(a => a.getAttribute("href"))`))
		if i == 0 {
			assert.Empty(t, prev, "the first pattern has no previous one")
		} else {
			require.Len(t, prev, 1)
			assert.Equal(t, order[i-1], prev[0].Href)
		}
		if i == len(order)-1 {
			assert.Empty(t, next, "the last pattern has no next one")
			break
		}
		require.Len(t, next, 1, "%s links to the next pattern", want)
		assert.Equal(t, order[i+1], next[0].Href)
		assert.Contains(t, next[0].Text, "Next")
		run(p, "following next", chromedp.WaitEvent(cdppage.LoadEventFired, nil, chromedp.Click(chromedp.CSS(".pattern-nav a[rel=next]"))))
	}
	run(p, "going back", chromedp.WaitEvent(cdppage.LoadEventFired, nil, chromedp.Click(chromedp.CSS(".pattern-nav a[rel=prev]"))))
	assert.True(t, strings.HasSuffix(run(p, "location", chromedp.Location()), "/"+order[len(order)-2]))
	p.linksResolve()
	p.noConsoleErrors()
}

// TestReviewLinksEachQuestion: each question of the review checklist
// names the pattern that answers it, with a link, right under it.
func TestReviewLinksEachQuestion(t *testing.T) {
	p := newPage(t)
	p.withoutJavaScript()
	p.show(desktop)
	p.open("review.html")
	patterns := eval[[]string](p, `[...document.querySelectorAll(".pattern-nav-all a")].map(a => a.getAttribute("href"))`)
	require.NotEmpty(t, patterns, "the review page lists the patterns")
	questions := eval[[][]string](p, `[...document.querySelectorAll("main h2")].filter(h => /^\d\./.test(h.textContent)).map(h => {
		const next = h.nextElementSibling;
		return [h.textContent, ...(next && next.tagName === "P" ? [...next.querySelectorAll("a")].map(a => a.getAttribute("href")) : [])];
	})`)
	require.Len(t, questions, 4, "four questions")
	for _, q := range questions {
		require.Greater(t, len(q), 1, "%q is followed by a link to its pattern", q[0])
		for _, href := range q[1:] {
			assert.Contains(t, patterns, href, "%q links to a pattern page", q[0])
		}
	}
}
