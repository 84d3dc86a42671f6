package streamview

import (
	"cmp"
	"slices"

	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Config is what the view needs to know of a run's parameters.
type Config struct {
	Items   int  // inputs the source holds
	Lanes   int  // max_concurrency: one lane per slot
	Ordered bool // results leave in input order; finished ones may wait in a buffer
}

// life is one item's way through the stream, in virtual milliseconds.
type life struct {
	pulled, started, ended, emitted, abandoned float64
	slot                                       int32
	outcome                                    view.Outcome
	// left is when the item left the stream: emitted, or cancelled and never
	// emitted; leftSeq orders items that left at the same instant.
	left    float64
	leftSeq int32 // int32s keep a life at 64 bytes: 16 per event of the trace
}

// Timeline is a trace indexed for [Timeline.Scene]. It is immutable once
// built, so one timeline may serve any number of scenes.
type Timeline struct {
	cfg    Config
	items  []life
	out    []int     // item ids in the order they left the stream
	outAt  []float64 // when out[i] left, ascending
	times  []float64 // distinct event times, ascending
	halted float64
	reason string
}

// NewTimeline indexes trace. Ids and slots beyond cfg grow the timeline
// rather than being dropped, so a trace is never shown partially; negative
// ids (stream-level events other than halted) are ignored.
func NewTimeline(trace []event.Record, cfg Config) *Timeline {
	tl := &Timeline{cfg: cfg, halted: view.Never, times: view.TimesOf(trace)}
	for _, r := range trace {
		tl.cfg.Items = max(tl.cfg.Items, int(r.ID)+1)
		tl.cfg.Lanes = max(tl.cfg.Lanes, int(r.Slot)+1)
	}
	tl.items = make([]life, tl.cfg.Items)
	for i := range tl.items {
		tl.items[i] = life{pulled: view.Never, started: view.Never, ended: view.Never, emitted: view.Never,
			abandoned: view.Never, left: view.Never, slot: -1}
	}
	for seq, r := range trace {
		tl.record(seq, r)
	}
	tl.index()
	return tl
}

// record applies one event. Only the first occurrence of each step counts:
// a task that timed out and was then cancelled stays timed out.
func (tl *Timeline) record(seq int, r event.Record) {
	at := view.Millis(r.At)
	if r.Kind == event.Halted {
		if tl.halted == view.Never {
			tl.halted, tl.reason = at, r.Detail
		}
		return
	}
	if r.ID < 0 {
		return
	}
	it := &tl.items[r.ID]
	switch r.Kind {
	case event.Pulled:
		it.pulled = min(it.pulled, at)
	case event.Started:
		if it.started == view.Never {
			it.started, it.slot = at, r.Slot
		}
	case event.Finished, event.Failed, event.Panicked, event.TimedOut, event.Cancelled:
		if it.ended == view.Never {
			it.ended, it.outcome = at, outcomeOf(r.Kind)
		}
	case event.Emitted:
		if it.emitted == view.Never {
			it.emitted, it.left, it.leftSeq = at, at, int32(seq)
		}
	case event.Abandoned:
		it.abandoned = min(it.abandoned, at)
	}
	if r.Kind == event.Cancelled && it.emitted == view.Never && it.left == view.Never {
		it.left, it.leftSeq = at, int32(seq)
	}
}

// index orders the items that left the stream.
func (tl *Timeline) index() {
	for id, it := range tl.items {
		if it.left != view.Never {
			tl.out = append(tl.out, id)
		}
	}
	slices.SortFunc(tl.out, func(a, b int) int {
		x, y := tl.items[a], tl.items[b]
		if c := cmp.Compare(x.left, y.left); c != 0 {
			return c
		}
		return cmp.Compare(x.leftSeq, y.leftSeq)
	})
	tl.outAt = make([]float64, len(tl.out))
	for i, id := range tl.out {
		tl.outAt[i] = tl.items[id].left
	}
}

func outcomeOf(k event.Kind) view.Outcome {
	switch k {
	case event.Finished:
		return view.OK
	case event.Failed:
		return view.Failed
	case event.Panicked:
		return view.Crashed
	case event.TimedOut:
		return view.TimedOut
	}
	return view.Cancelled
}

// Config returns the configuration the timeline was built for, grown to
// cover every id and slot in its trace.
func (tl *Timeline) Config() Config { return tl.cfg }

// End is the time of the last event: the length of the run.
func (tl *Timeline) End() float64 {
	if len(tl.times) == 0 {
		return 0
	}
	return tl.times[len(tl.times)-1]
}

// Times returns the distinct event times, ascending. The slice is shared:
// do not modify it.
func (tl *Timeline) Times() []float64 { return tl.times }
