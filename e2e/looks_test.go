package e2e

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDemoScreens runs the stream demo on a phone and a desktop, light and
// dark, paused mid-run with the sweep plotted, and saves screenshots for a
// person to look at: nothing may be wider than the screen.
func TestDemoScreens(t *testing.T) {
	for _, s := range []screen{desktop, phone, desktop.inDark(), phone.inDark()} {
		t.Run(s.name, func(t *testing.T) {
			p := newPage(t)
			p.show(s)
			p.open("stream.html")
			p.waitReady()
			assert.Empty(t, eval[[]any](p, `playgrounds[0].applyPreset("flaky worker")`))
			await[map[string]float64](p, `playgrounds[0].run()`)
			await[map[string]any](p, `playgrounds[0].sweep()`)
			eval[float64](p, `playgrounds[0].seek(1200)`)
			eval[bool](p, `(document.querySelectorAll(".playground details").forEach(d => d.open = true), true)`)
			await[bool](p, nextFrame)
			assert.True(t, eval[bool](p, `document.documentElement.scrollWidth <= document.documentElement.clientWidth`),
				"the page is wider than the screen: %d px", eval[int](p, `document.documentElement.scrollWidth`))
			// The widget alone: a whole phone page is too tall to look at.
			png := run(p, "screenshot", chromedp.Screenshot(chromedp.CSS(".playground")))
			require.NoError(t, os.MkdirAll(artifacts, 0o755))
			require.NoError(t, os.WriteFile(filepath.Join(artifacts, "demo-"+s.name+".png"), png, 0o644))
			p.noConsoleErrors()
		})
	}
}
