package supview_test

import (
	"testing"

	"github.com/concurrency-patterns/playground/internal/view/supview"
)

// TestLook draws the presets at a few moments into SVGs when SUPVIEW_SVG
// names a folder; otherwise it only checks that they draw.
func TestLook(t *testing.T) {
	for _, pr := range supview.Kit.Presets {
		trace, _, v := runSupervisor(t, pr.Params)
		vis := supview.New(trace, v)
		for _, w := range []float64{360, 900} {
			for _, f := range []float64{0.3, 0.7, 1} {
				dumpSVG(t, pr.Name+"-"+itoa(int(w))+"-"+itoa(int(f*10)), vis.Plan(vis.End()*f, w))
			}
		}
	}
}
