package e2e

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// onScreens opens a page with demos on each of allScreens, in a subtest
// named after the screen, waits until its demos are interactive, and hands
// it to shoot, which sets the demos up and saves them with shootDemo. Then
// it checks the console.
func onScreens(t *testing.T, name string, shoot func(t *testing.T, p *page, s screen)) {
	for _, s := range allScreens {
		t.Run(s.name, func(t *testing.T) {
			p := newPage(t)
			p.show(s)
			p.open(name)
			p.waitReady()
			shoot(t, p, s)
			p.noConsoleErrors()
		})
	}
}

// shootDemo checks that the page fits its screen and saves demo i of the
// page alone as artifacts/NAME.png: a whole phone page is too tall to look
// at.
func (p *page) shootDemo(i int, name string) {
	p.t.Helper()
	eval[bool](p, `(document.querySelectorAll(".playground").forEach((d, j) => d.id = j === `+jsNum(i)+` ? "pg-shot" : ""), true)`)
	p.fitsScreen()
	saveArtifact(p.t, name, run(p, "screenshot", chromedp.Screenshot(chromedp.CSS("#pg-shot"))))
}

// runPresetTo applies a preset to demo i, unless it is "", runs the demo
// and pauses it at at, a JavaScript expression of a time in ms.
func (p *page) runPresetTo(i int, preset, at string) {
	p.t.Helper()
	demo := `playgrounds[` + jsNum(i) + `]`
	if preset != "" {
		require.Empty(p.t, eval[[]any](p, demo+`.applyPreset(`+strconv.Quote(preset)+`)`))
	}
	await[map[string]float64](p, demo+`.run()`)
	eval[float64](p, demo+`.seek(`+at+`)`)
}

// demoScreens saves the first demo of a page, after a run of preset paused
// at seek ms, on each of allScreens, as artifacts/PAGE-demo-SCREEN.png.
func demoScreens(t *testing.T, name string, preset string, seek float64) {
	onScreens(t, name, func(t *testing.T, p *page, s screen) {
		p.runPresetTo(0, preset, jsNum(seek))
		await[bool](p, nextFrame)
		p.shootDemo(0, strings.TrimSuffix(filepath.Base(name), ".html")+"-demo-"+s.name)
	})
}

// TestDemoScreens runs the stream demo on a phone and a desktop, light and
// dark, paused mid-run with the sweep plotted, and saves screenshots for a
// person to look at: nothing may be wider than the screen.
func TestDemoScreens(t *testing.T) {
	onScreens(t, "stream.html", func(t *testing.T, p *page, s screen) {
		assert.Empty(t, eval[[]any](p, `playgrounds[0].applyPreset("flaky worker")`))
		await[map[string]float64](p, `playgrounds[0].run()`)
		await[map[string]any](p, `playgrounds[0].sweep()`)
		eval[float64](p, `playgrounds[0].seek(1200)`)
		eval[bool](p, `(document.querySelectorAll(".playground details").forEach(d => d.open = true), true)`)
		await[bool](p, nextFrame)
		p.shootDemo(0, "demo-"+s.name)
	})
}
