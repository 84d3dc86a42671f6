package e2e

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSweepPlotsASummaryFigure sweeps the producer's rate over a buffer
// of 50: pulling on demand (rate 0) keeps the buffer empty, pushing faster
// than the processors fills it to its size.
func TestSweepPlotsASummaryFigure(t *testing.T) {
	p := demoPage(t, "stage.html")
	require.Empty(t, eval[[]map[string]string](p, `playgrounds[0].setParams({buffer_size: "50", items: "300"})`))
	sweep := await[struct {
		Param  string           `json:"param"`
		Points []map[string]any `json:"points"`
	}](p, `playgrounds[0].sweep()`)
	assert.Equal(t, "rate", sweep.Param)
	require.NotEmpty(t, sweep.Points)
	first, last := sweep.Points[0], sweep.Points[len(sweep.Points)-1]
	assert.Equal(t, "0", first["value"])
	assert.Zero(t, first["max_buffer"], "pulling on demand buffers nothing")
	assert.Equal(t, 50.0, last["max_buffer"], "a push at %v a second fills the buffer", last["value"])
	p.noConsoleErrors()
}

// TestEverySweepTeaches runs the sweep of every demo of every pattern's
// page, and of the review page, with the demo's own parameters: the figure
// it plots must change across the values by half again at least.
func TestEverySweepTeaches(t *testing.T) {
	for _, name := range append(slices.Clone(patternPages), "review") {
		t.Run(name, func(t *testing.T) {
			p := demoPage(t, name+".html")
			for i := range eval[int](p, `playgrounds.length`) {
				sweep := await[struct {
					Param  string           `json:"param"`
					Figure string           `json:"figure"`
					Points []map[string]any `json:"points"`
				}](p, `playgrounds[`+jsNum(i)+`].sweep()`)
				require.NotEmpty(t, sweep.Figure, "demo %d sweeps %s without a figure", i, sweep.Param)
				require.GreaterOrEqual(t, len(sweep.Points), 3)
				lo, hi := sweep.Points[0][sweep.Figure].(float64), 0.0
				for _, pt := range sweep.Points {
					f := pt[sweep.Figure].(float64)
					lo, hi = min(lo, f), max(hi, f)
				}
				assert.Positive(t, hi, "demo %d: %s never above 0", i, sweep.Figure)
				assert.GreaterOrEqual(t, hi, 1.5*lo, "demo %d: %s against %s moves from %v to %v only", i, sweep.Figure, sweep.Param, lo, hi)
			}
			p.noConsoleErrors()
		})
	}
}
