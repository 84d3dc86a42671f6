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
type mainTask struct{ dur, cpu float64 }

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
			TraceConfig:  &tracing.TraceConfig{IncludedCategories: []string{"toplevel", "__metadata"}, ExcludedCategories: []string{"*"}},
		})
		return err
	}))
	return tr
}

// stop ends the recording and returns the main threads' tasks.
func (tr *taskTrace) stop() []mainTask {
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
	var out []mainTask
	for _, e := range events {
		if e.Name == "ThreadControllerImpl::RunTask" && e.Ph == "X" && main[[2]int{e.Pid, e.Tid}] {
			out = append(out, mainTask{dur: e.Dur / 1000, cpu: e.Tdur / 1000})
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

// cpuOf finds the traced task that lasted ms, to a few ms, and returns the
// CPU time it used; of several, the most.
func cpuOf(tasks []mainTask, ms float64) (cpu float64, ok bool) {
	for _, k := range tasks {
		if k.dur > ms-4 && k.dur < ms+4 {
			cpu, ok = max(cpu, k.cpu), true
		}
	}
	return cpu, ok
}
