package e2e

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// longTaskLimit is the longest the page may be busy in one go while a run
// computes or plays, in ms: past it a reader feels the page stick.
const longTaskLimit = 100

// bigRuns are, for each pattern, a run as big as its parameters allow in
// the direction that costs most: 20,000 items (2,000 where that is the
// most, all started at once), 20,000 child runs, 20,000 requests (all
// served: bounded, with room for each to wait, since an unbounded run dies
// of memory long before). done is true once the summary is that run's.
var bigRuns = map[string]struct{ params, done string }{
	"stream":     {`{items: "20000", max_concurrency: "1000", fail_rate: "0.1"}`, `s.items === 20000`},
	"tasks":      {`{items: "2000", interval_ms: "0", max_children: "infinity"}`, `s.items === 2000`},
	"timeout":    {`{items: "2000", interval_ms: "0", timeout: "1", stubborn_rate: "1"}`, `s.items === 2000`},
	"stage":      {`{items: "20000"}`, `s.items === 20000`},
	"consumer":   {`{jobs: "2000", max_demand: "64", work_ms_min: "0", work_ms_max: "100"}`, `s.jobs === 2000`},
	"limiter":    {`{items: "20000", rate: "1000"}`, `s.items === 20000`},
	"pool":       {`{items: "20000", rate: "1000"}`, `s.items === 20000`},
	"supervisor": {`{children: "1000", max_restarts: "100", max_seconds: "1", fail_rate: "0", work_ms_min: "5000", work_ms_max: "60000", duration_ms: "600000"}`, `s.children === 1000 && s.restarts > 15000`},
	"spawn":      {`{mode: "bounded", rate: "2000", duration_ms: "10000", max: "1000", queue: "100000", memory_mb: "1024"}`, `s.requests === 20000 && s.served === 20000`},
}

// watchLongTasks records from now on every task that held the page's main
// thread past 50 ms (window.longTasks, start and duration in ms), and
// whether the picture said it was computing (window.busyShown). It sets
// alignMark for a trace running, and returns the mark's time on the page's
// clock.
func (p *page) watchLongTasks() float64 {
	p.t.Helper()
	return eval[float64](p, `(() => {
		window.longTasks = [];
		new PerformanceObserver(list => {
			for (const e of list.getEntries()) longTasks.push({start: e.startTime, dur: e.duration});
		}).observe({type: "longtask"});
		window.busyShown = false;
		const busy = document.querySelector(".playground .pg-busy");
		new MutationObserver(() => { if (!busy.hidden) busyShown = true; }).observe(busy, {attributes: true});
		return performance.mark("`+alignMark+`").startTime;
	})()`)
}

// TestNoLongTasks runs each pattern's biggest run, computed and then
// played and scrubbed: the page never stays busy past longTaskLimit, and
// a compute that takes long says so over the picture.
//
// The long tasks are those a PerformanceObserver reports, which count
// time from a task's start to its end. On a machine busy with other work
// that includes time the page's thread spent waiting for a CPU, so the
// test also traces the main thread: no task may use more than
// longTaskLimit of CPU, and a long task past longTaskLimit passes only if
// the trace shows it using less: the trace's tasks that share most of its
// time, the two clocks tied by a performance.mark.
func TestNoLongTasks(t *testing.T) {
	for _, name := range patternPages {
		t.Run(name, func(t *testing.T) {
			big := bigRuns[name]
			p := demoPage(t, name+".html")
			run(p, "the page's own run", chromedp.Poll[bool](`playgrounds[0].summary() !== null`))
			// The trace first: starting it can hold the page's thread,
			// in a task the trace would not hold.
			tr := traceTasks(p)
			pageMark := p.watchLongTasks()

			began := time.Now()
			require.Empty(t, eval[[]any](p, `playgrounds[0].setParams(`+big.params+`)`))
			run(p, "the big run", chromedp.Poll[bool](`(s => s !== null && `+big.done+`)(playgrounds[0].summary())`, chromedp.WithPollingTimeout(50*time.Second)))
			took := time.Since(began)
			if took > 2*time.Second {
				assert.True(t, eval[bool](p, `busyShown`), "a compute of %v says it is computing", took)
			}
			eval[bool](p, `(playgrounds[0].seek(0), true)`)
			// The first bar of the page is the first demo's, in its element or
			// under the pair it is a side of.
			run(p, "playing", chromedp.Click(chromedp.CSS(".pg-pause")))
			await[bool](p, `new Promise(r => setTimeout(() => r(true), 1500))`)
			end := eval[float64](p, `playgrounds[0].summary().virtual_ms`)
			for _, at := range []float64{0.25, 0.5, 0.75, 1, 0.1} {
				eval[float64](p, `playgrounds[0].seek(`+jsNum(end*at)+`)`)
				await[bool](p, nextFrame)
			}
			long := eval[[]longTask](p, `longTasks`)
			seen := tr.stop()
			tasks := seen.tasks
			most := 0.0
			for _, k := range tasks {
				most = max(most, k.cpu)
			}
			t.Logf("%s: computed in %v; most CPU in one task %.0f ms; tasks took %.1f× their CPU time; tasks over 50 ms: %v; clocks tied: %v",
				name, took.Round(time.Millisecond), most, contention(tasks), long, seen.marked)
			require.NotEmpty(t, tasks, "the trace saw the page's tasks")
			require.True(t, seen.marked, "the trace saw the mark that ties its clock to the page's")
			assert.LessOrEqual(t, most, float64(longTaskLimit), "no task uses the CPU for long")
			for _, k := range long {
				if k.Dur <= longTaskLimit {
					continue
				}
				cpu, ok := seen.cpuOf(k, pageMark)
				assert.True(t, ok && cpu <= longTaskLimit, "a task of %.0f ms at %.0f ms, %v ms of it on the CPU (traced: %v)", k.Dur, k.Start, cpu, ok)
			}
			p.noConsoleErrors()
		})
	}
}
