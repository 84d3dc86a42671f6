package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/internal/view/readings"
)

// TestPicturesAgreeWithSummary runs the first demo of every pattern's page
// with the page's parameters, shows the run's end, and reads the counts
// the canvas drew (as package readings words them): each equals the same
// figure of summary(). Paused mid-run, the summary line says it is the
// whole run's, as the picture counts only up to the time shown; Home
// takes the narration back to the start too.
func TestPicturesAgreeWithSummary(t *testing.T) {
	for _, name := range patternPages {
		t.Run(name, func(t *testing.T) {
			p := newPage(t)
			p.recordTexts()
			p.show(desktop)
			p.open(name + ".html")
			p.waitReady()
			require.Equal(t, name, eval[string](p, `playgrounds[0].pattern`))
			sum := await[map[string]float64](p, `playgrounds[0].run()`)
			texts := p.canvasTextsAt(1e12)
			got, err := readings.Read(name, texts)
			require.NoError(t, err)
			for _, k := range readings.Keys(name) {
				assert.Equal(t, sum[k], got[k], "%s at the end: the canvas's %s, in %q", name, k, texts)
			}
			if name == "supervisor" {
				assert.Equal(t, sum["restarts"], got["restarts (lanes)"], "the lanes' restarts, in %q", texts)
			}

			p.canvasTextsAt(sum["virtual_ms"] / 2)
			line := eval[string](p, `document.querySelector(".playground .pg-summary").textContent`)
			assert.True(t, strings.HasPrefix(line, "Whole run: "), "paused mid-run, the summary says whose it is: %q", line)

			run(p, "focusing the canvas", chromedp.Focus(chromedp.CSS(`.playground .pg-canvas`)))
			run(p, "stepping", chromedp.KeyEvent(kb.ArrowRight))
			assert.NotContains(t, p.narration(), "At 0 ms", "a step mid-run is narrated at its time")
			run(p, "going home", chromedp.KeyEvent(kb.Home))
			run(p, "waiting for the start", chromedp.Poll[bool](`playgrounds[0].time() === 0`))
			await[bool](p, nextFrame)
			said := p.narration()
			assert.True(t, strings.HasPrefix(said, "At 0 ms: "), "after Home the narration is of the start: %q", said)
			p.noConsoleErrors()
		})
	}
}

// canvasTextsAt shows ms of the first demo's run and returns the texts its
// picture (not the timeline or the charts) drew for the last frame: from
// the last clock, "1,234 ms" over "of 5,678 virtual ms", which every
// picture draws first.
func (p *page) canvasTextsAt(ms float64) []string {
	p.t.Helper()
	eval[bool](p, `(window.pgTexts = [], playgrounds[0].seek(`+jsNum(ms)+`), true)`)
	await[bool](p, nextFrame)
	var out []string
	for _, tx := range eval[[]drawnText](p, `window.pgTexts`) {
		if tx.Cls == "pg-canvas" && tx.Demo == 0 { // not the other side of a pair
			out = append(out, tx.S)
		}
	}
	from := -1
	for i := range len(out) - 1 {
		if strings.HasSuffix(out[i], " ms") && strings.HasPrefix(out[i+1], "of ") && strings.HasSuffix(out[i+1], " virtual ms") {
			from = i
		}
	}
	require.GreaterOrEqual(p.t, from, 0, "the picture drew its frame at %v ms: %q", ms, out)
	return out[from:]
}

func (p *page) narration() string {
	return eval[string](p, `document.querySelector(":is(.playground, .pg-pair) .pg-live").textContent`)
}
