package e2e

import (
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestConsumerDemo: the consumer supervisor's page loads with its text;
// under load the children alive reach max_demand and never pass it, every
// child started is accounted for, and the sweep of max_demand moves the
// run's length by far more than half again.
func TestConsumerDemo(t *testing.T) {
	p := demoPage(t, "consumer.html", "ConsumerSupervisor", "max_demand")
	assert.Equal(t, "consumer", eval[string](p, `playgrounds[0].pattern`))

	require.Empty(t, eval[[]any](p, `playgrounds[0].setParams({jobs: "60", max_demand: "5", fail_rate: "0.2", restart: "transient", max_restarts: "50"})`))
	sum := await[map[string]float64](p, `playgrounds[0].run()`)
	assert.Equal(t, 60.0, sum["produced"])
	assert.Equal(t, 5.0, sum["max_concurrent"], "under load the cap is reached")
	assert.Equal(t, sum["started"], sum["ok"]+sum["failed"]+sum["restarted"]+sum["stopped"], "every child accounted for: %v", sum)
	assert.Positive(t, sum["restarted"])
	assert.Equal(t, 60.0, sum["ok"], "transient: every job done in the end")

	// In the exported trace, the supervisor's count of its children never
	// passes max_demand, and each lane holds one child at a time.
	broken := eval[[]string](p, `(() => {
		const bad = [], lanes = {};
		for (const e of playgrounds[0].trace()) {
			if (e.kind === "event_child_started" && e.n > 5) bad.push(e.n + " alive at " + e.t);
			if (e.kind === "job_began") { if (lanes[e.slot] !== undefined) bad.push("lane " + e.slot + " twice at " + e.t); lanes[e.slot] = e.id; }
			if (e.kind === "job_ended") delete lanes[e.slot];
		}
		return bad;
	})()`)
	assert.Empty(t, broken)
	run(p, "letting it animate", chromedp.Poll[bool](inkedPixels+` > 1000`))

	require.Empty(t, eval[[]any](p, `playgrounds[0].setParams({jobs: "40", max_demand: "4", fail_rate: "0.1", restart: "temporary"})`))
	sweep := await[struct {
		Param  string           `json:"param"`
		Figure string           `json:"figure"`
		Points []map[string]any `json:"points"`
	}](p, `playgrounds[0].sweep()`)
	assert.Equal(t, "max_demand", sweep.Param)
	assert.Equal(t, "virtual_ms", sweep.Figure)
	require.GreaterOrEqual(t, len(sweep.Points), 3)
	first, last := sweep.Points[0], sweep.Points[len(sweep.Points)-1]
	assert.Equal(t, "1", first["value"])
	assert.GreaterOrEqual(t, first["virtual_ms"].(float64), 1.5*last["virtual_ms"].(float64), "one child at a time is far slower than %v", last["value"])
	for _, pt := range sweep.Points {
		assert.LessOrEqual(t, pt["max_concurrent"], toFloat(pt["value"]), "the cap holds at max_demand %v", pt["value"])
	}
	p.noConsoleErrors()
}

// toFloat reads a sweep's value, a number as the form writes it.
func toFloat(v any) float64 {
	s, _ := v.(string)
	f, _ := strconv.ParseFloat(s, 64)
	return f
}

// TestConsumerDemoBadURL: a link with bad values names them, runs
// nothing, and leaves the page's text intact; fixed, the values run.
func TestConsumerDemoBadURL(t *testing.T) {
	p := checkBadURL(t, `consumer.html?max_demand=0&jobs=lots&fail_rate=2`, "ConsumerSupervisor", "from 1 to 64", `got "lots"`, "from 0 to 1")
	assert.True(t, p.refusesToRun(0))
	p.setField("max_demand", "3")
	p.setField("jobs", "12")
	p.setField("fail_rate", "0")
	run(p, "the fixed values run", chromedp.Poll[bool](`(s => s !== null && s.ok === 12 && s.max_concurrent === 3)(playgrounds[0].summary())`))
	p.noConsoleErrors()
}

// TestConsumerScreens saves the demo, paused mid-run on the presets that
// show something particular, on a desktop and a phone, light and dark.
func TestConsumerScreens(t *testing.T) {
	shots := []struct {
		preset string
		at     float64
	}{{"four at a time", 1800}, {"transient: failed jobs run again", 1200}, {"too flaky: the supervisor gives up", 1e9}}
	onScreens(t, "consumer.html", func(t *testing.T, p *page, s screen) {
		for i, shot := range shots {
			if i > 0 && s.dark {
				break
			}
			p.runPresetTo(0, shot.preset, jsNum(shot.at))
			await[bool](p, nextFrame)
			p.shootDemo(0, "consumer-"+s.name+"-"+slug(shot.preset))
		}
	})
}
