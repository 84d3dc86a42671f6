package e2e

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// patternPages are the pages with a demo, one per pattern.
var patternPages = []string{"stream", "tasks", "timeout", "stage", "consumer", "limiter", "pool", "supervisor", "spawn"}

// TestEveryPageScrubsAndTabs checks, on every pattern's page, what the
// controls promise whatever the visual: scrubbing back to a time shows the
// same picture, and Tab alone reaches every control of the first demo.
func TestEveryPageScrubsAndTabs(t *testing.T) {
	for _, name := range patternPages {
		t.Run(name, func(t *testing.T) {
			p := demoPage(t, name+".html")
			p.ranPaused()
			end := eval[float64](p, `(() => { const d = playgrounds[0]; d.seek(1e12); return d.time(); })()`)
			mid := p.frameAt(end / 2)
			last := p.frameAt(end)
			p.frameAt(0)
			assert.Equal(t, mid, p.frameAt(end/2), "the middle of the run, seen twice")
			assert.Equal(t, last, p.frameAt(end), "the end of the run, seen twice")

			p.tabReachesEveryControl(nil)
			p.noConsoleErrors()
		})
	}
}
