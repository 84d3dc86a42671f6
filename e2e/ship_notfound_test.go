package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
)

// TestNotFoundPage follows a stale link: the server answers with the
// site's own 404 page, in the site's style, which links to every page.
func TestNotFoundPage(t *testing.T) {
	p := newPage(t)
	p.show(desktop)
	run(p, "opening", chromedp.Navigate(env.baseURL+"no-such-page.html"))
	assert.Equal(t, "No page here", run(p, "heading", chromedp.Text(chromedp.CSS("main h1"))))
	assert.True(t, eval[bool](p, `[...document.styleSheets].some(s => s.href.endsWith("/style.css") && s.cssRules.length > 0)`), "in the site's style")
	assert.Equal(t, "Concurrency patterns playground", run(p, "the header", chromedp.Text(chromedp.CSS(".site-header .site-name"))))
	assert.Len(t, eval[[]string](p, `[...document.querySelectorAll("main li a")].map(a => a.href)`), len(sitePages(t)), "a link to every page")
	p.linksResolve()
	p.screenshot("ship-not-found")
	p.noConsoleErrors("404")
}
