package e2e

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestArrivalScreens looks at every pattern's page as a reader who presses
// nothing sees it, on a phone and a desktop, light and dark: the screen on
// arrival and five seconds later, saved as
// artifacts/arrival/PAGE-SCREEN-0s.png and -5s.png for a person to judge.
// It checks only that nothing is wider than the screen.
func TestArrivalScreens(t *testing.T) {
	for _, name := range patternPages {
		for _, s := range allScreens {
			t.Run(name+"-"+s.name, func(t *testing.T) {
				p := newPage(t)
				p.show(s)
				p.open(name + ".html")
				p.waitReady()
				await[bool](p, nextFrame)
				p.fitsScreen()
				shot := filepath.Join("arrival", name+"-"+s.name)
				saveArtifact(t, shot+"-0s", run(p, "screenshot", chromedp.CaptureScreenshot()))
				await[bool](p, `new Promise(r => setTimeout(() => r(true), `+jsNum(int(5*time.Second/time.Millisecond))+`))`)
				saveArtifact(t, shot+"-5s", run(p, "screenshot", chromedp.CaptureScreenshot()))
				p.noConsoleErrors()
			})
		}
	}
}
