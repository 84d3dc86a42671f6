package e2e

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// demoPage opens a page with a demo and checks its text.
func demoPage(t *testing.T, name, text string) *page {
	p := newPage(t)
	p.show(desktop)
	p.open(name)
	p.waitReady()
	assert.Contains(t, run(p, "text", chromedp.Text(chromedp.CSS("main"))), text)
	return p
}

// demoScreens saves the first demo of a page, after a run of preset paused
// at seek ms, on a desktop and a phone, light and dark.
func demoScreens(t *testing.T, name string, preset string, seek float64) {
	for _, s := range []screen{desktop, phone, desktop.inDark(), phone.inDark()} {
		t.Run(s.name, func(t *testing.T) {
			p := newPage(t)
			p.show(s)
			p.open(name)
			p.waitReady()
			pg := `playgrounds[0]`
			if preset != "" {
				assert.Empty(t, eval[[]any](p, pg+`.applyPreset("`+preset+`")`))
			}
			await[map[string]float64](p, pg+`.run()`)
			eval[float64](p, pg+`.seek(`+jsNum(seek)+`)`)
			await[bool](p, nextFrame)
			assert.True(t, eval[bool](p, `document.documentElement.scrollWidth <= document.documentElement.clientWidth`),
				"the page is wider than the screen")
			png := run(p, "screenshot", chromedp.Screenshot(chromedp.CSS(`.playground`)))
			require.NoError(t, os.MkdirAll(artifacts, 0o755))
			base := filepath.Base(name)
			require.NoError(t, os.WriteFile(filepath.Join(artifacts, base[:len(base)-5]+"-demo-"+s.name+".png"), png, 0o644))
			p.noConsoleErrors()
		})
	}
}

// TestLimiterDemo runs the limiter with its own parameters and checks in
// the exported trace that the limiter kept its promises: never more than
// max holders, and slots handed to waiters in the order they queued.
func TestLimiterDemo(t *testing.T) {
	p := demoPage(t, "limiter.html", "RateLimiter")
	assert.Equal(t, "limiter", eval[string](p, `playgrounds[0].pattern`))
	assert.Empty(t, eval[[]map[string]string](p, `playgrounds[0].setParams({items: "60", max: "2", rate: "30", timeout: "600"})`))
	sum := await[map[string]float64](p, `playgrounds[0].run()`)
	assert.Equal(t, 2.0, sum["max_active"])
	assert.Positive(t, sum["gave_up"])
	assert.Equal(t, 60.0, sum["granted"]+sum["gave_up"])
	check := eval[map[string]bool](p, `(() => {
		let active = 0, ok = true, fifo = true;
		const line = [];
		for (const e of playgrounds[0].trace()) {
			if (e.kind === "acquired" || e.kind === "granted") active++;
			if (e.kind === "released") active--;
			if (active > 2) ok = false;
			if (e.kind === "queued") line.push(e.id);
			if (e.kind === "gave_up") { const i = line.indexOf(e.id); if (i >= 0) line.splice(i, 1); }
			if (e.kind === "granted") { if (line[0] !== e.id) fifo = false; line.shift(); }
		}
		return {bound: ok, fifo: fifo};
	})()`)
	assert.Equal(t, map[string]bool{"bound": true, "fifo": true}, check)
	p.noConsoleErrors()
}

func TestLimiterBadURL(t *testing.T) {
	p := newPage(t)
	p.show(desktop)
	run(p, "opening", chromedp.Navigate(env.baseURL+`limiter.html?max=0&rate=fast`))
	p.waitReady()
	messages := eval[string](p, `[...document.querySelectorAll(".playground .pg-msg")].map(m => m.textContent).join("\n")`)
	assert.Contains(t, messages, "from 1 to 1000")
	assert.Contains(t, messages, `got "fast"`)
	assert.Contains(t, run(p, "text", chromedp.Text(chromedp.CSS("main"))), "RateLimiter", "the page text is intact")
	p.noConsoleErrors()
}

func TestLimiterScreens(t *testing.T) { demoScreens(t, "limiter.html", "impatient callers", 900) }
