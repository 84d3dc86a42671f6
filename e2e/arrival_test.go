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
	eachPage(t, patternPages, allScreens, func(t *testing.T, p *page, name string, s screen) {
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

// eachPage opens each of the pages names (without .html) on each of
// screens, in a subtest named PAGE-SCREEN, and hands it to check.
func eachPage(t *testing.T, names []string, screens []screen, check func(t *testing.T, p *page, name string, s screen)) {
	for _, name := range names {
		for _, s := range screens {
			t.Run(name+"-"+s.name, func(t *testing.T) {
				p := newPage(t)
				p.show(s)
				p.open(name + ".html")
				check(t, p, name, s)
			})
		}
	}
}
