package e2e

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// wasmBudget is the most the playground's wasm may weigh, gzipped (-9):
// what a reader downloads, once, before the demos come alive. What a
// reader of every page downloads is TestTransferBudget's, and how long a
// slow line waits for it TestFast3GBudget's. It was 1.5 MB until the
// library's task supervisor, cancellable subscriptions and consumer
// supervisor joined the build (1.47 MB before, 1.56 MB after), and 1.6 MB
// until the consumer supervisor's page brought its scenario and picture
// (1,570,647 bytes before, 1,603,410 after).
const wasmBudget = 1_633_000

// TestWasmSizeBudget checks the site's WebAssembly builds: one that every
// pattern page loads, and the check page's own, each within its budget.
func TestWasmSizeBudget(t *testing.T) {
	builds, err := filepath.Glob(filepath.Join(env.site, "*.wasm"))
	require.NoError(t, err)
	budgets := map[string]int{"playground.wasm": wasmBudget, reviewerWasm: reviewerBudget}
	require.Len(t, builds, len(budgets), "one build for every pattern page, and the check page's")
	for _, path := range builds {
		name := filepath.Base(path)
		budget, ok := budgets[name]
		require.True(t, ok, "%s: a build with no budget", name)
		size := gzippedSize(t, path)
		t.Logf("%s: %d bytes gzip -9 (budget %d)", name, size, budget)
		assert.LessOrEqual(t, size, budget, "%s outgrew its budget", name)
	}
}

func gzippedSize(t *testing.T, path string) int {
	t.Helper()
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	_, err = w.Write(raw)
	require.NoError(t, err)
	require.NoError(t, w.Close())
	return buf.Len()
}

// TestMeasure reports the playground's speed: time from navigation until
// the demo is interactive (median of 5 fresh tabs), and frames per second
// while 200 items stream through 50 slots. It asserts nothing about time:
// set PLAYGROUND_MEASURE=1 (make measure) to run it.
func TestMeasure(t *testing.T) {
	if os.Getenv("PLAYGROUND_MEASURE") == "" {
		t.Skip("set PLAYGROUND_MEASURE=1 to measure")
	}
	var ready []float64
	for range 5 {
		p := demoPage(t, "stream.html")
		ready = append(ready, eval[float64](p, `performance.getEntriesByName("playgrounds-ready")[0].startTime`))
	}
	slices.Sort(ready)
	t.Logf("ready after navigation: median %.0f ms (all: %.0f)", ready[2], ready)

	p := newPage(t)
	p.show(desktop)
	run(p, "opening", chromedp.Navigate(env.baseURL+"stream.html?items=200&max_concurrency=50&work_ms_min=200&work_ms_max=3000"))
	p.waitReady()
	await[map[string]float64](p, `playgrounds[0].run()`)
	const window = 3 * time.Second
	fps := await[float64](p, countFrames(window))
	t.Logf("animation with 200 items on 50 slots: %.1f fps over %v", fps, window)

	// 2,000 items on 1,000 slots: a thousand progress bars and two
	// thousand cells on screen while it plays.
	require.Empty(t, eval[[]any](p, `playgrounds[0].setParams({items: "2000", max_concurrency: "1000", work_ms_min: "2000", work_ms_max: "9000", fail_rate: "0.05"})`))
	await[map[string]float64](p, `playgrounds[0].run()`)
	t.Logf("animation with 2,000 items on 1,000 slots: %.1f fps over %v", await[float64](p, countFrames(window)), window)

	// Computing a 10,000-item run in the browser, charts included.
	require.Empty(t, eval[[]any](p, `playgrounds[0].setParams({items: "10000", max_concurrency: "50", work_ms_min: "50", work_ms_max: "400", fail_rate: "0"})`))
	var took []float64
	for range 3 {
		took = append(took, await[float64](p, `(async () => { const t0 = performance.now(); await playgrounds[0].run(); return performance.now() - t0; })()`))
	}
	slices.Sort(took)
	t.Logf("a 10,000-item run computed in the browser: median %.0f ms (all: %.0f)", took[1], took)

	// A 20-point sweep of max_concurrency over 200 items.
	require.Empty(t, eval[[]any](p, `playgrounds[0].setParams({items: "200", max_concurrency: "4"})`))
	sweep := await[map[string]any](p, `playgrounds[0].sweep()`)
	t.Logf("a %d-point sweep of 200 items: %.0f ms", len(sweep["points"].([]any)), sweep["ms"])
}

// countFrames is a promise of the frame rate over window.
func countFrames(window time.Duration) string {
	return `new Promise(done => {
		let frames = 0;
		const start = performance.now();
		const tick = now => {
			frames++;
			if (now - start < ` + strconv.Itoa(int(window.Milliseconds())) + `) requestAnimationFrame(tick);
			else done(frames * 1000 / (now - start));
		};
		requestAnimationFrame(tick);
	})`
}
