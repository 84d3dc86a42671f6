package stageview

import (
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Config is what the view needs of a run's parameters. The scenario's
// stages are numbered: 0 the producer, 1…Consumers the processors,
// Consumers+1 the batcher.
type Config struct {
	Items        int
	Rate         int // events pushed a second; 0 pulls on demand
	Consumers    int
	MaxDemand    int
	MinDemand    int
	BufferSize   int
	BatchSize    int
	BatchTimeout float64 // ms
}

// Flush reasons, as a BatchFlushed event's detail says them.
const (
	FlushSize    = "size"
	FlushTimeout = "timeout"
	FlushDrain   = "drain"
)

// call is one call of a processor's function. The trace reports its end;
// its start is inferred: when the processor was free and had events.
type call struct {
	start, end float64
	n          int32
	failed     bool
	handled    int32 // events handled by the end of this call, this one included
	fails      int32 // events of failed calls by then
}

// proc is what one processor did, as counts over time.
type proc struct {
	asked  series // demand asked of the producer, so far
	got    series // events the producer sent it, so far
	sent   series // events it sent the batcher, so far
	bAsked series // demand the batcher asked of it, so far
	out    series // its output buffer's level
	calls  []call
}

// batch is one batch the batcher flushed.
type batch struct {
	t      float64
	n      int32
	reason string
	cum    int32 // events flushed by then, this batch included
}

// Timeline is a trace indexed for [Timeline.Scene]: every count the scene
// shows as a series over time. It is immutable once built.
type Timeline struct {
	cfg     Config
	made    series // events the producer made, so far
	level   series // the producer's buffer level
	peak    series // the most it held so far
	dropped series // events its buffer dropped, so far
	procs   []proc
	recv    series // events the batcher was sent, so far
	batches []batch
	times   []float64
	window  float64 // how long a pulse takes along a channel, virtual ms

	halted    float64
	reason    string
	discarded int
}

// NewTimeline indexes trace. Stages beyond cfg grow it: the highest stage
// that flushes batches is the batcher, and every stage between it and the
// producer is a processor.
func NewTimeline(trace []event.Record, cfg Config) *Timeline {
	for _, r := range trace {
		if r.Kind == event.BatchFlushed {
			cfg.Consumers = max(cfg.Consumers, int(r.ID)-1)
		}
	}
	cfg.Consumers = max(cfg.Consumers, 1)
	tl := &Timeline{cfg: cfg, procs: make([]proc, cfg.Consumers), halted: view.Never, times: view.TimesOf(trace)}
	batcher := int32(cfg.Consumers + 1)
	for _, r := range trace {
		tl.record(r, batcher)
	}
	tl.index()
	return tl
}

// processor returns the processor numbered id, nil when id is not one.
func (tl *Timeline) processor(id int32) *proc {
	if id < 1 || int(id) > len(tl.procs) {
		return nil
	}
	return &tl.procs[id-1]
}

func (tl *Timeline) record(r event.Record, batcher int32) {
	at := view.Millis(r.At)
	n := int(r.N)
	switch r.Kind {
	case event.EventsProduced:
		if r.ID == 0 {
			tl.made.add(at, tl.made.last()+n)
		}
	case event.BufferLevel:
		if r.ID == 0 {
			tl.level.add(at, n)
			if n > tl.peak.last() {
				tl.peak.add(at, n)
			}
		} else if p := tl.processor(r.ID); p != nil {
			p.out.add(at, n)
		}
	case event.EventsDropped:
		tl.dropped.add(at, tl.dropped.last()+n)
	case event.DemandAsked:
		if p := tl.processor(r.ID); p != nil && r.Slot == 0 {
			p.asked.add(at, p.asked.last()+n)
		} else if p := tl.processor(r.Slot); p != nil && r.ID == batcher {
			p.bAsked.add(at, p.bAsked.last()+n)
		}
	case event.EventsDispatched:
		if p := tl.processor(r.ID); p != nil && r.Slot == 0 {
			p.got.add(at, p.got.last()+n)
		} else if p := tl.processor(r.Slot); p != nil && r.ID == batcher {
			p.sent.add(at, p.sent.last()+n)
			tl.recv.add(at, tl.recv.last()+n)
		}
	case event.EventsProcessed, event.StageFailed:
		if p := tl.processor(r.ID); p != nil && n > 0 {
			p.calls = append(p.calls, call{end: at, n: int32(n), failed: r.Kind == event.StageFailed})
		}
	case event.BatchFlushed:
		cum := int32(n)
		if k := len(tl.batches); k > 0 {
			cum += tl.batches[k-1].cum
		}
		tl.batches = append(tl.batches, batch{t: at, n: int32(n), reason: r.Detail, cum: cum})
	case event.EventsDiscarded:
		tl.discarded += n
	case event.PipelineHalted:
		if tl.halted == view.Never {
			tl.halted, tl.reason = at, r.Detail
		}
	}
}

// index infers when each call started. A
// processor takes events as soon as it is free and has some, so a call
// starts at the later of the previous call's end and the arrival of its
// first event.
func (tl *Timeline) index() {
	for i := range tl.procs {
		p := &tl.procs[i]
		prevEnd, handled, fails := 0.0, int32(0), int32(0)
		for k := range p.calls {
			c := &p.calls[k]
			c.start = min(max(prevEnd, p.got.firstAbove(int(handled))), c.end)
			handled += c.n
			if c.failed {
				fails += c.n
			}
			c.handled, c.fails = handled, fails
			prevEnd = c.end
		}
	}
	tl.window = max(pulseMs, tl.End()/view.RealTimeLimit*pulseMs)
}

// pulseMs is how long a pulse takes along a channel when a run plays in
// real time: long enough to follow, short enough not to pile up.
const pulseMs = 300.0

// Config returns the configuration, grown to cover the trace's stages.
func (tl *Timeline) Config() Config { return tl.cfg }

// End is the time of the last event: the run's length.
func (tl *Timeline) End() float64 {
	if len(tl.times) == 0 {
		return 0
	}
	return tl.times[len(tl.times)-1]
}

// Times returns the distinct event times, ascending; the slice is shared.
func (tl *Timeline) Times() []float64 { return tl.times }
