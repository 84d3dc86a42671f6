package e2e

import (
	"encoding/json"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/internal/scenario/scenariotest"
)

// nativeSummary runs a scenario natively, in a synctest bubble.
func nativeSummary(t *testing.T, name string, params map[string]string) map[string]float64 {
	t.Helper()
	_, sum, _ := scenariotest.Record(t, name, params)
	return sum
}

// TestBrowserAgreesWithNative runs the same params and seed natively and in
// the browser's WebAssembly. These scenarios draw every random choice from
// the seed and the item, and their goroutines never race for the same
// virtual instant in a way that changes an outcome, so the summaries must
// be equal. (The stage scenario is left out: processors finishing at the
// same instant may take events in either order, which changes which
// processor handles what; its own tests check its invariants instead.)
func TestBrowserAgreesWithNative(t *testing.T) {
	cases := []struct {
		page, pattern string
		params        map[string]string
	}{
		{"stream.html", "stream", map[string]string{"items": "120", "max_concurrency": "6", "fail_rate": "0.1", "timeout": "300", "on_timeout": "kill_task", "seed": "11"}},
		{"tasks.html", "tasks", map[string]string{"mode": "supervised", "items": "30", "fail_rate": "0.2", "max_children": "5", "seed": "3"}},
		{"timeout.html", "timeout", map[string]string{"items": "25", "stubborn_rate": "0.3", "seed": "4"}},
		{"supervisor.html", "supervisor", map[string]string{"seed": "7"}},
	}
	for _, tc := range cases {
		t.Run(tc.pattern, func(t *testing.T) {
			p := demoPage(t, tc.page)
			index := eval[int](p, `playgrounds.findIndex(d => d.pattern === "`+tc.pattern+`")`)
			require.GreaterOrEqual(t, index, 0)
			raw, err := json.Marshal(tc.params)
			require.NoError(t, err)
			demo := `playgrounds[` + jsNum(index) + `]`
			require.Empty(t, eval[[]map[string]string](p, demo+`.setParams(`+string(raw)+`)`))
			got := run(p, "run", chromedp.Evaluate[map[string]float64](demo+`.run()`, chromedp.EvalAwaitPromise))
			// The demo's params are the page's own with ours over them.
			assert.Equal(t, nativeSummary(t, tc.pattern, eval[map[string]string](p, demo+`.params()`)), got)
		})
	}
}
