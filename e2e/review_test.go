package e2e

import (
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReviewChecklist runs every demo of the checklist page, whose "no"
// and "yes" demos of each question must tell the difference they promise.
func TestReviewChecklist(t *testing.T) {
	p := demoPage(t, "review.html")

	patterns := eval[[]string](p, `playgrounds.map(d => d.pattern)`)
	require.Equal(t, []string{"tasks", "tasks", "stage", "stage", "spawn", "spawn", "timeout"}, patterns)
	sums := make([]map[string]float64, len(patterns))
	for i := range patterns {
		demo := "playgrounds[" + strconv.Itoa(i) + "]"
		sums[i] = run(p, "run "+demo, chromedp.Evaluate[map[string]float64](demo+`.run()`, chromedp.EvalAwaitPromise))
	}
	assert.Equal(t, 1.0, sums[0]["died"], "question 1, no: a bare panic ends the program")
	assert.Zero(t, sums[1]["died"], "question 1, yes: supervised tasks fail alone")
	assert.Positive(t, sums[2]["dropped"], "question 2, no: pushing overflows the buffer")
	assert.Zero(t, sums[3]["dropped"], "question 2, yes: pulling on demand drops nothing")
	assert.Greater(t, sums[4]["max_goroutines"], sums[5]["max_goroutines"], "question 3: a bound keeps goroutines down")
	assert.LessOrEqual(t, sums[5]["max_goroutines"], 20.0)
	assert.Positive(t, sums[6]["timed_out"]+sums[6]["abandoned"], "question 4: the deadline is enforced")
	p.noConsoleErrors()
	p.screenshot("review-desktop")
}
