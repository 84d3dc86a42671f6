package e2e

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSweepPlotsASummaryFigure sweeps buffer_size over a producer that
// pushes faster than its processors: a small buffer drops events, a big
// one drops none.
func TestSweepPlotsASummaryFigure(t *testing.T) {
	p := demoPage(t, "stage.html")
	require.Empty(t, eval[[]map[string]string](p, `playgrounds[0].setParams({rate: "40", items: "300"})`))
	sweep := await[struct {
		Param  string           `json:"param"`
		Points []map[string]any `json:"points"`
	}](p, `playgrounds[0].sweep()`)
	assert.Equal(t, "buffer_size", sweep.Param)
	require.NotEmpty(t, sweep.Points)
	first, last := sweep.Points[0], sweep.Points[len(sweep.Points)-1]
	assert.Positive(t, first["dropped"], "a buffer of %v drops", first["value"])
	assert.Zero(t, last["dropped"], "a buffer of %v holds everything", last["value"])
	p.noConsoleErrors()
}
