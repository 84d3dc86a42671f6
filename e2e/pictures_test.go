package e2e

import (
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	demoTag  = regexp.MustCompile(`<div class="playground" data-playground="[^"]+"`)
	stillSVG = regexp.MustCompile(`(?s)<div class="playground" data-playground="[^"]+"[^>]*>\s*<div class="playground-fallback">\s*<figure class="pg-still">.*?<svg class="pg-picture"[^>]*viewBox="0 0 [0-9.]+ [0-9.]+"`)
)

// TestPictureInServedHTML reads each page as the server sends it, before
// any script could run: every demo's mount point opens with an SVG of its
// run, and the index holds a picture of each pattern.
func TestPictureInServedHTML(t *testing.T) {
	needBrowser(t)
	for _, name := range sitePages(t) {
		t.Run(name, func(t *testing.T) {
			res, err := client.Get(env.baseURL + name)
			require.NoError(t, err)
			body, err := io.ReadAll(res.Body)
			res.Body.Close()
			require.NoError(t, err)
			html := string(body)
			demos := len(demoTag.FindAllString(html, -1))
			assert.Equal(t, demos, len(stillSVG.FindAllString(html, -1)), "every demo's fallback starts with its picture")
			if name == "index.html" {
				assert.GreaterOrEqual(t, strings.Count(html, `<svg class="pg-picture"`), 8, "the map shows each pattern with its picture")
			}
		})
	}
}

// TestPicturesWithoutJavaScript opens every page with scripts off on each
// screen: every picture shows, no wider than its screen, in the page's
// colour scheme. The screenshots (the first screen of each page, and each
// picture alone) are for a person to look at.
func TestPicturesWithoutJavaScript(t *testing.T) {
	for _, name := range sitePages(t) {
		for _, s := range allScreens {
			base := strings.TrimSuffix(name, ".html")
			t.Run(base+"-"+s.name, func(t *testing.T) {
				p := newPage(t)
				p.withoutJavaScript()
				p.show(s)
				p.open(name)
				p.fitsScreen()
				if name != "index.html" && !eval[bool](p, `document.querySelector(".playground") !== null`) {
					t.Skip("a page without a demo (the check page) has no picture to show")
				}
				shown := eval[[]float64](p, `[...document.querySelectorAll("svg.pg-picture")]
					.filter(e => e.getBoundingClientRect().height > 0)
					.map(e => e.getBoundingClientRect().width)`)
				require.NotEmpty(t, shown, "the page shows a picture")
				for _, w := range shown {
					assert.LessOrEqual(t, w, float64(s.width), "a picture fits the screen")
				}
				dark := eval[bool](p, `(() => {
					const [r, g, b] = getComputedStyle(document.querySelector("svg.pg-picture")).backgroundColor.match(/\d+/g).map(Number);
					return r + g + b < 3 * 64;
				})()`)
				assert.Equal(t, s.dark, dark, "the picture follows the %s scheme", s.name)
				if name == "index.html" {
					p.screenshot("still-" + base + "-" + s.name) // the whole map
				} else {
					saveArtifact(t, "still-"+base+"-"+s.name, run(p, "screenshot", chromedp.CaptureScreenshot()))
				}
				if !s.phone || s.dark {
					return
				}
				n := eval[int](p, `document.querySelectorAll(".pg-still").length`)
				for i := range n {
					eval[bool](p, `(document.querySelectorAll(".pg-still").forEach((e, j) => e.id = j === `+jsNum(i)+` ? "pg-shot" : ""), true)`)
					saveArtifact(t, "still-"+base+"-"+jsNum(i)+"-"+s.name, run(p, "screenshot", chromedp.Screenshot(chromedp.CSS("#pg-shot"))))
				}
			})
		}
	}
}
