package e2e

import (
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
