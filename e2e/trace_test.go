package e2e

import (
	"context"
	"encoding/json"
	"sort"
	"sync"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
)

// mainTask is one task of a renderer's main thread, as the browser's trace
// times it: dur, from its start to its end, and cpu, the time the thread
// ran in it, both in ms. On a machine busy with other work the two part:
// the thread waits for a CPU in the middle of its task.
type mainTask struct{ start, dur, cpu float64 }

// alignMark is the performance.mark the page sets once the trace runs: its
// time in the trace and in the page ties the two clocks together.
const alignMark = "pg-trace-align"

// traced is what a trace recorded: the main threads' tasks, and the time
// of alignMark on the trace's clock, in ms (marked says it was seen).
type traced struct {
	tasks  []mainTask
	mark   float64
	marked bool
}

// taskTrace records the tasks of the renderers' main threads from start to
// stop, through the browser's tracing.
type taskTrace struct {
	p    *page
	mu   sync.Mutex
	raw  []json.RawMessage
	done chan struct{}
}

// traceTasks starts recording.
func traceTasks(p *page) *taskTrace {
	p.t.Helper()
	tr := &taskTrace{p: p, done: make(chan struct{})}
	err := chromedp.Listen(p.ctx, func(ev any) {
		switch e := ev.(type) {
		case *tracing.EventDataCollected:
			tr.mu.Lock()
			for _, v := range e.Value {
				tr.raw = append(tr.raw, json.RawMessage(v))
			}
			tr.mu.Unlock()
		case *tracing.EventTracingComplete:
			close(tr.done)
		}
	})
	if err != nil {
		p.t.Fatal(err)
	}
	run(p, "starting a trace", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, tracing.Start, tracing.StartParams{
			TransferMode: tracing.StartTransferModeReportEvents,
			TraceConfig:  &tracing.TraceConfig{IncludedCategories: []string{"toplevel", "blink.user_timing", "__metadata"}, ExcludedCategories: []string{"*"}},
		})
		return err
	}))
	return tr
}

// stop ends the recording and returns what it saw.
func (tr *taskTrace) stop() traced {
	p := tr.p
	p.t.Helper()
	run(p, "ending the trace", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, tracing.End, cdp.Empty{})
		return err
	}))
	select {
	case <-tr.done:
	case <-p.ctx.Done():
		p.t.Fatal("the trace never completed")
	}
	type event struct {
		Name string  `json:"name"`
		Ph   string  `json:"ph"`
		Ts   float64 `json:"ts"`
		Pid  int     `json:"pid"`
		Tid  int     `json:"tid"`
		Dur  float64 `json:"dur"`
		Tdur float64 `json:"tdur"`
		Args struct {
			Name string `json:"name"`
		} `json:"args"`
	}
	tr.mu.Lock()
	defer tr.mu.Unlock()
	var events []event
	main := map[[2]int]bool{}
	for _, raw := range tr.raw {
		var e event
		if json.Unmarshal(raw, &e) != nil {
			continue
		}
		if e.Ph == "M" && e.Name == "thread_name" && e.Args.Name == "CrRendererMain" {
			main[[2]int{e.Pid, e.Tid}] = true
		}
		events = append(events, e)
	}
	var out traced
	for _, e := range events {
		switch {
		case e.Name == "ThreadControllerImpl::RunTask" && e.Ph == "X" && main[[2]int{e.Pid, e.Tid}]:
			out.tasks = append(out.tasks, mainTask{start: e.Ts / 1000, dur: e.Dur / 1000, cpu: e.Tdur / 1000})
		case e.Name == alignMark && !out.marked:
			out.mark, out.marked = e.Ts/1000, true
		}
	}
	return out
}

// contention is how much longer than their CPU time the tasks of at least
// a frame's length took, the median of dur/cpu: about 1 when the page had
// a CPU whenever it wanted one.
func contention(tasks []mainTask) float64 {
	var ratios []float64
	for _, k := range tasks {
		if k.dur >= 16 && k.cpu > 0 {
			ratios = append(ratios, k.dur/k.cpu)
		}
	}
	if len(ratios) == 0 {
		return 1
	}
	sort.Float64s(ratios)
	return ratios[len(ratios)/2]
}

// longTask is a task the page's PerformanceObserver reported, on the
// page's clock (performance.now), in ms.
type longTask struct{ Start, Dur float64 }

// cpuOf finds the traced tasks of the page's long task k and returns the
// most CPU time one of them used. With both clocks tied by alignMark (set
// at pageMark on the page's clock), those are the main-thread tasks that
// cover most of k's time; without, the tasks that lasted as long, to a few
// ms.
func (tr traced) cpuOf(k longTask, pageMark float64) (cpu float64, ok bool) {
	from := k.Start - pageMark + tr.mark
	for _, m := range tr.tasks {
		var same bool
		if tr.marked {
			shared := min(m.start+m.dur, from+k.Dur) - max(m.start, from)
			same = shared > k.Dur/2 // one task covers most of it, not a few small ones
		} else {
			same = m.dur > k.Dur-4 && m.dur < k.Dur+4
		}
		if same {
			cpu, ok = max(cpu, m.cpu), true
		}
	}
	return cpu, ok
}
