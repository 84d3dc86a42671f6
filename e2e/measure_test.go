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
	"github.com/stretchr/testify/require"
)

// wasmBudget is the most the playground's wasm may weigh, gzipped (-9):
// what a reader downloads before the demos come alive.
const wasmBudget = 1_200_000

func TestWasmSizeBudget(t *testing.T) {
	size := gzippedSize(t, filepath.Join(env.site, "playground.wasm"))
	t.Logf("playground.wasm: %d bytes gzip -9 (budget %d)", size, wasmBudget)
	require.LessOrEqual(t, size, wasmBudget, "the wasm outgrew its budget")
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
		p := newPage(t)
		p.show(desktop)
		p.open("stream.html")
		p.waitReady()
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
	fps := await[float64](p, `new Promise(done => {
		let frames = 0;
		const start = performance.now();
		const tick = now => {
			frames++;
			if (now - start < `+strconv.Itoa(int(window.Milliseconds()))+`) requestAnimationFrame(tick);
			else done(frames * 1000 / (now - start));
		};
		requestAnimationFrame(tick);
	})`)
	t.Logf("animation with 200 items on 50 slots: %.1f fps over %v", fps, window)
}
