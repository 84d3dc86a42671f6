package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
)

// patternPages are the pages with a demo, one per pattern.
var patternPages = []string{"stream", "tasks", "timeout", "stage", "limiter", "pool", "supervisor", "spawn"}

// TestEveryPageScrubsAndTabs checks, on every pattern's page, what the
// controls promise whatever the visual: scrubbing back to a time shows the
// same picture, and Tab alone reaches every control of the first demo.
func TestEveryPageScrubsAndTabs(t *testing.T) {
	for _, name := range patternPages {
		t.Run(name, func(t *testing.T) {
			p := newPage(t)
			p.show(desktop)
			p.open(name + ".html")
			p.waitReady()
			p.ranPaused()
			end := eval[float64](p, `(() => { const d = playgrounds[0]; d.seek(1e12); return d.time(); })()`)
			at := func(ms float64) string {
				eval[float64](p, `playgrounds[0].seek(`+jsNum(ms)+`)`)
				await[bool](p, nextFrame)
				return eval[string](p, canvasHash)
			}
			mid := at(end / 2)
			last := at(end)
			at(0)
			assert.Equal(t, mid, at(end/2), "the middle of the run, seen twice")
			assert.Equal(t, last, at(end), "the end of the run, seen twice")

			eval[bool](p, `(document.querySelectorAll(".playground:first-of-type details").forEach(d => d.open = true), true)`)
			first := `document.querySelector(".playground")`
			controls := eval[int](p, first+`.querySelectorAll(":is(input, select, button, summary, textarea, [tabindex='0']):not([disabled])").length`)
			eval[bool](p, `(() => { const h = document.querySelector("main h1"); h.tabIndex = -1; h.focus(); return true; })()`)
			reached := map[string]bool{}
			for range controls + 60 {
				run(p, "tab", chromedp.KeyEvent(kb.Tab))
				id := eval[string](p, `(() => {
					const e = document.activeElement;
					if (!`+first+`.contains(e)) return "";
					return e.tagName + "|" + (e.name || e.id || e.getAttribute("aria-label") || e.textContent).slice(0, 40);
				})()`)
				if id != "" {
					reached[id] = true
				}
			}
			assert.Len(t, reached, controls, "Tab reaches every control: %v", keys(reached))
			p.noConsoleErrors()
		})
	}
}
