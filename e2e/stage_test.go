package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestStageDemo: the stage page loads with its text and three demos (the
// first, then the push and pull pair); a run with non-default parameters
// completes, and its exported trace keeps GenStage's promises: no producer
// sends a consumer more than it asked for, no processor holds more than
// max_demand, a push with a small buffer drops and a pull never does.
func TestStageDemo(t *testing.T) {
	p := demoPage(t, "stage.html", "GenStage", "min_demand")
	assert.Equal(t, 3, eval[int](p, `playgrounds.length`))
	assert.Equal(t, "stage", eval[string](p, `playgrounds[0].pattern`))

	require.Empty(t, eval[[]any](p, `playgrounds[0].setParams({items: "120", consumers: "3", max_demand: "6", min_demand: "2", batch_size: "7", fail_rate: "0.1"})`))
	sum := await[map[string]float64](p, `playgrounds[0].run()`)
	assert.Equal(t, 120.0, sum["produced"])
	assert.Equal(t, 120.0, sum["processed"]+sum["failed"])
	assert.Zero(t, sum["dropped"])

	// Per edge (consumer, producer): sent never exceeds asked, and a
	// processor never holds more than max_demand events.
	broken := eval[[]string](p, `(() => {
		const asked = {}, sent = {}, held = {}, bad = [];
		for (const e of playgrounds[0].trace()) {
			const k = e.id + "<" + e.slot, n = e.n || 0;
			if (e.kind === "demand_asked") { asked[k] = (asked[k] || 0) + n; held[k] = (held[k] || 0) + n;
				if (e.slot === 0 && held[k] > 6) bad.push("holds " + held[k] + " at " + e.t); }
			if (e.kind === "events_dispatched") { sent[k] = (sent[k] || 0) + n;
				if (sent[k] > (asked[k] || 0)) bad.push("sent more than asked on " + k + " at " + e.t); }
			if ((e.kind === "events_processed" || e.kind === "stage_failed") && e.slot >= 0) held[k] -= n;
			if (e.kind === "batch_flushed" && !["size", "timeout", "drain"].includes(e.detail)) bad.push("flush " + e.detail);
		}
		return bad;
	})()`)
	assert.Empty(t, broken)
	run(p, "letting it animate", chromedp.Poll[bool](inkedPixels+` > 1000`))

	// The bad way and the good way, as the page runs them.
	push := await[map[string]float64](p, `playgrounds[1].run()`)
	pull := await[map[string]float64](p, `playgrounds[2].run()`)
	assert.Positive(t, push["dropped"], "a push past demand into a small buffer drops")
	assert.Equal(t, 20.0, push["max_buffer"])
	assert.Zero(t, pull["dropped"])
	assert.Zero(t, pull["max_buffer"], "a pull producer makes only what was asked")
	assert.Equal(t, 400.0, pull["processed"])
	p.noConsoleErrors()
}

// TestStageDemoBadURL: a link with bad values names them, runs nothing,
// and leaves the page's text intact; fixed, the values run.
func TestStageDemoBadURL(t *testing.T) {
	p := checkBadURL(t, `stage.html?max_demand=5&min_demand=9&consumers=0&rate=fast`, "Broadway", "from 1 to 64", `got "fast"`)
	assert.True(t, p.refusesToRun(0))
	p.setField("consumers", "2")
	p.setField("rate", "0")
	p.setField("min_demand", "2")
	run(p, "the fixed values run", chromedp.Poll[bool](`(s => s !== null && s.processed === 200)(playgrounds[0].summary())`))
	assert.Equal(t, "2", eval[string](p, `playgrounds[0].params().consumers`))
	p.noConsoleErrors()
}

// TestStageScreens saves the demo, paused mid-run on each preset that
// shows something particular, on a desktop and a phone, light and dark.
func TestStageScreens(t *testing.T) {
	shots := []struct {
		preset string
		at     float64
	}{{"push overload (drops)", 6000}, {"flaky processor", 3000}, {"big batches (timeouts)", 4200}}
	onScreens(t, "stage.html", func(t *testing.T, p *page, s screen) {
		for i, shot := range shots {
			if i > 0 && s.dark {
				break // one dark shot of each screen is enough
			}
			p.runPresetTo(0, shot.preset, jsNum(shot.at))
			await[bool](p, nextFrame)
			p.shootDemo(0, "stage-"+s.name+"-"+slug(shot.preset))
		}
	})
}

// slug makes a preset's name a file name: "push overload (drops)" is
// "push-overload-drops".
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}
