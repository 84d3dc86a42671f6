package stageview

import "sort"

// Scene is what the playground shows at one moment of virtual time. Every
// count is exact; pulses are the steps of the last moments, moving.
type Scene struct {
	T, End float64

	Made      int // events the producer made so far
	Level     int // events in the producer's buffer, beyond demand
	MaxLevel  int // the most it held so far
	Dropped   int // events the buffer dropped so far
	DropFresh bool
	Owed      int // demand the producer owes, over all processors

	Procs []Proc

	Received  int     // events the batcher was sent
	Batch     int     // events in the batch being filled (and waiting to join it)
	BatchAge  float64 // ms since the batch's first event; -1 when empty
	Flushed   int     // events flushed in batches
	Batches   []Flush // the latest batches, oldest first
	BatchesBy map[string]int

	Processed, Failed, InFlight int
	Halted                      bool
	Reason                      string // why the pipeline stopped, when it did not finish
	Discarded                   int
}

// Proc is one processor at the scene's time.
type Proc struct {
	Owed     int     // demand asked of the producer and not yet sent
	Waiting  int     // events sent, waiting for a call
	InCall   int     // events in the call running now
	Progress float64 // the share of that call done, 0 to 1
	Done     int     // events handled
	Failed   int     // events of failed calls
	Out      int     // handled events waiting for the batcher's demand
	// FailFresh: a call failed in the last moments.
	FailFresh bool
	// Up and Down are the pulses between the producer and the processor:
	// demand going up, events coming down. BUp and BDown are those between
	// it and the batcher.
	Up, Down, BUp, BDown []Pulse
}

// Flush is one batch the batcher flushed.
type Flush struct {
	N      int
	Reason string // FlushSize, FlushTimeout or FlushDrain
}

// maxBatches is how many flushed batches a scene lists at most.
const maxBatches = 200

// Scene returns what is on screen at t. It depends on t alone: the same t
// gives the same scene whatever was asked before.
func (tl *Timeline) Scene(t float64) Scene {
	w := tl.window
	s := Scene{T: t, End: tl.End(), Made: tl.made.at(t), Level: tl.level.at(t), Dropped: tl.dropped.at(t),
		Procs: make([]Proc, len(tl.procs)), BatchAge: -1, BatchesBy: map[string]int{}}
	s.MaxLevel = tl.peak.at(t)
	if i := tl.dropped.upTo(t); i >= 0 && tl.dropped[i].t > t-w {
		s.DropFresh = true
	}
	for i := range tl.procs {
		p, ps := &tl.procs[i], &s.Procs[i]
		got := p.got.at(t)
		ps.Owed = p.asked.at(t) - got
		k := sort.Search(len(p.calls), func(k int) bool { return p.calls[k].end > t })
		handled := 0
		if k > 0 {
			handled, ps.Failed = int(p.calls[k-1].handled), int(p.calls[k-1].fails)
		}
		ps.Done = handled - ps.Failed
		for j := k - 1; j >= 0 && j >= k-maxPulses && p.calls[j].end > t-w; j-- {
			ps.FailFresh = ps.FailFresh || p.calls[j].failed
		}
		if k < len(p.calls) && p.calls[k].start <= t {
			c := p.calls[k]
			ps.InCall = int(c.n)
			if c.end > c.start {
				ps.Progress = (t - c.start) / (c.end - c.start)
			}
		}
		ps.Waiting = max(got-handled-ps.InCall, 0)
		ps.Out = p.out.at(t)
		ps.Up, ps.Down = p.asked.pulses(t, w), p.got.pulses(t, w)
		ps.BUp, ps.BDown = p.bAsked.pulses(t, w), p.sent.pulses(t, w)
		s.Owed += ps.Owed
		s.Processed += ps.Done
		s.Failed += ps.Failed
		s.InFlight += got - handled
	}
	s.Received = tl.recv.at(t)
	n := sort.Search(len(tl.batches), func(i int) bool { return tl.batches[i].t > t })
	lastFlush := 0.0
	if n > 0 {
		s.Flushed, lastFlush = int(tl.batches[n-1].cum), tl.batches[n-1].t
	}
	for _, b := range tl.batches[:n] {
		s.BatchesBy[b.reason]++
	}
	for _, b := range tl.batches[max(n-maxBatches, 0):n] {
		s.Batches = append(s.Batches, Flush{N: int(b.n), Reason: b.reason})
	}
	if s.Batch = s.Received - s.Flushed; s.Batch > 0 {
		// The batch began with the first event after the last flush.
		s.BatchAge = t - max(lastFlush, tl.recv.firstAbove(s.Flushed))
	}
	if tl.halted <= t {
		s.Halted, s.Reason, s.Discarded = true, tl.reason, tl.discarded
	}
	return s
}
