package e2e

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEditsReRunAtTheSameMoment opens a link to a moment of the stream's
// run, then changes two parameters through the API: within two seconds,
// without run(), the summary, the picture and the URL tell of the new run,
// shown paused at the same moment.
func TestEditsReRunAtTheSameMoment(t *testing.T) {
	p := newPage(t)
	p.show(desktop)
	p.open("stream.html?t=700")
	p.waitReady()
	run(p, "the linked moment", chromedp.Poll[bool](describes(0, 30, 4)+` && playgrounds[0].time() === 700`))
	await[bool](p, nextFrame)
	before := eval[string](p, canvasHash)

	began := time.Now()
	require.Empty(t, eval[[]any](p, `playgrounds[0].setParams({max_concurrency: "7", ordered: "false"})`))
	run(p, "the new run", chromedp.Poll[bool](describes(0, 30, 7)))
	took := time.Since(began)
	assert.Less(t, took, 2*time.Second, "the summary followed the edit in %v", took)
	assert.Equal(t, 700.0, eval[float64](p, `playgrounds[0].time()`), "the same moment of the new run")
	assert.False(t, eval[bool](p, `playgrounds[0].playing()`), "still paused, as it was")
	await[bool](p, nextFrame)
	assert.NotEqual(t, before, eval[string](p, canvasHash), "the picture is the new run's")
	run(p, "the URL", chromedp.Poll[bool](`location.search.includes("max_concurrency=7") && location.search.includes("ordered=false") && location.search.includes("t=700")`))
	assert.Equal(t, "false", eval[string](p, `playgrounds[0].params().ordered`), "the form says so too")
	p.noConsoleErrors()
}

// TestSliderReRuns drags a knob's slider: its number field follows, and
// the run follows them, keeping the playback going.
func TestSliderReRuns(t *testing.T) {
	p := demoPage(t, "stream.html")
	run(p, "playing", chromedp.Poll[bool](`playgrounds[0].playing()`))
	eval[bool](p, `(() => {
		const s = document.querySelector('.playground .pg-knob input[type=range]');
		s.value = "9";
		s.dispatchEvent(new Event("input", {bubbles: true}));
		return true;
	})()`)
	assert.Equal(t, "9", eval[string](p, `document.querySelector('.playground input[name=max_concurrency]').value`))
	run(p, "the run with 9 slots", chromedp.Poll[bool](describes(0, 30, 9)))
	assert.True(t, eval[bool](p, `playgrounds[0].playing()`), "it plays on")
	p.noConsoleErrors()
}

// TestEditDuringComputeSupersedesIt asks for a long run, then at once for
// a short one: the short one is shown, and the long one never is.
func TestEditDuringComputeSupersedesIt(t *testing.T) {
	p := demoPage(t, "stream.html")
	run(p, "the first run", chromedp.Poll[bool](describes(0, 30, 4)))
	require.Empty(t, eval[[]any](p, `playgrounds[0].setParams({items: "20000", max_concurrency: "2"})`))
	run(p, "the long run computing", chromedp.Poll[bool](`new Promise(r => setTimeout(() => r(true), 400))`))
	require.Empty(t, eval[[]any](p, `playgrounds[0].setParams({items: "12"})`))
	run(p, "the short run", chromedp.Poll[bool](describes(0, 12, 2)))
	await[bool](p, `new Promise(r => setTimeout(() => r(true), 1500))`)
	assert.Equal(t, 12.0, eval[map[string]float64](p, `playgrounds[0].summary()`)["items"], "the long run never came back")
	assert.Less(t, eval[int](p, `playgrounds[0].trace().length`), 100)
	p.noConsoleErrors()
}

// TestSpeedFitsTheRun: the speed fits each run to about 15 s of watching,
// a speed chosen on the log slider stays in the URL, and "fit" goes back.
func TestSpeedFitsTheRun(t *testing.T) {
	p := demoPage(t, "stream.html")
	run(p, "the first run", chromedp.Poll[bool](describes(0, 30, 4)))
	end := eval[float64](p, `(d => { const t = d.time(); d.seek(1e12); const e = d.time(); d.seek(t); return e; })(playgrounds[0])`)
	assert.InDelta(t, max(end/15000, 0.1), eval[float64](p, `playgrounds[0].speed()`), 1e-9, "a %v ms run plays in 15 s", end)

	require.Empty(t, eval[[]any](p, `playgrounds[0].setParams({items: "20000", max_concurrency: "1"})`))
	run(p, "a long run", chromedp.Poll[bool](`playgrounds[0].summary().items === 20000`))
	long := eval[float64](p, `(d => { d.seek(1e12); return d.time(); })(playgrounds[0])`)
	assert.InDelta(t, long/15000, eval[float64](p, `playgrounds[0].speed()`), 1e-6, "%v ms in 15 s", long)
	assert.Greater(t, eval[float64](p, `playgrounds[0].speed()`), 100.0)

	eval[bool](p, `(() => {
		const s = document.querySelector('.playground .pg-speed input');
		s.value = "1";
		s.dispatchEvent(new Event("input", {bubbles: true}));
		s.dispatchEvent(new Event("change", {bubbles: true}));
		return true;
	})()`)
	assert.Equal(t, 10.0, eval[float64](p, `playgrounds[0].speed()`), "the slider is logarithmic: 1 is 10×")
	run(p, "the URL keeps it", chromedp.Poll[bool](`location.search.includes("speed=10")`))
	assert.Equal(t, "false", eval[string](p, `document.querySelector(".playground .pg-fit").getAttribute("aria-pressed")`))

	q := newPage(t)
	q.show(desktop)
	q.open("stream.html?speed=2500")
	q.waitReady()
	assert.Equal(t, 2500.0, eval[float64](q, `playgrounds[0].speed()`), "a link's speed")
	q.noConsoleErrors()

	run(p, "fit", chromedp.Click(chromedp.CSS(".playground .pg-fit")))
	assert.InDelta(t, long/15000, eval[float64](p, `playgrounds[0].speed()`), 1e-6)
	run(p, "the URL drops it", chromedp.Poll[bool](`!location.search.includes("speed=")`))
	p.noConsoleErrors()
}
