package chart

import (
	"slices"

	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// How finely the charts sample a run.
const (
	loadBuckets = 240 // columns of the active and queued chart
	pctSamples  = 60  // times the percentiles are taken at
	rateBins    = 40  // points of the throughput chart
	rateWindow  = 4   // spans each point averages over
)

// Data is what the charts show of one run.
type Data struct {
	End float64 // the run's length, virtual ms

	// Active and Queued are the most units running and waiting in each of
	// loadBuckets equal spans of the run.
	Active, Queued [loadBuckets]int
	MaxLoad        int

	// P50, P90 and P99 are percentiles of how long the units that had
	// ended by each of pctSamples times ran (start to end), in ms.
	P50, P90, P99 [pctSamples]float64
	MaxPct        float64
	// PctNone is how many of the first samples came before any unit had
	// ended: they have no percentiles, and the lines start after them.
	PctNone int

	// Rate is units ended per virtual second over the rateWindow spans
	// up to the end of each of rateBins spans: a moving average, as
	// completions come in bursts.
	Rate    [rateBins]float64
	MaxRate float64

	shared view.Scale // the scale of a pair of runs; the zero Scale for the run's own

	Ended int // units that ended
	// Latencies are, for each ended unit, the time from its arrival
	// (queue event, or 0 for an upfront unit) to its end, in ms, sorted.
	Latencies []float64
	Durations []float64 // start to end, in ms, sorted
}

// span is one unit's way: when it arrived, started and ended.
type span struct{ queued, start, end float64 }

// New reads a trace with life; upfront units wait from time 0 without a
// queue event (see [view.Kit]).
func New(trace []event.Record, life view.Life, upfront int) *Data {
	b := NewBuilder(trace, life, upfront)
	for !b.Read(len(trace)) {
	}
	return b.Data()
}

// Builder reads a trace a piece at a time, for a caller that must not
// hold the CPU for the whole of a long trace at once (the browser, between
// frames). The zero Builder is not usable; call [NewBuilder].
type Builder struct {
	d              *Data
	trace          []event.Record
	next           int // the first record not read yet
	life           view.Life
	units          map[int32]*span
	ended          []span // in end order
	active, queued int
	upfront        int
	l              loader
}

// NewBuilder returns a builder of the charts of trace, read as [New] does.
func NewBuilder(trace []event.Record, life view.Life, upfront int) *Builder {
	d := &Data{}
	if len(trace) > 0 {
		d.End = view.Millis(trace[len(trace)-1].At)
	}
	b := &Builder{d: d, trace: trace, life: life, units: map[int32]*span{}, queued: upfront, upfront: upfront, l: loader{d: d}}
	b.l.load(0, b.active, b.queued)
	return b
}

// Read reads up to n more records and reports whether the trace is read.
func (b *Builder) Read(n int) bool {
	d := b.d
	stop := min(b.next+max(n, 1), len(b.trace))
	for _, r := range b.trace[b.next:stop] {
		at := view.Millis(r.At)
		d.End = max(d.End, at)
		switch b.life(r.Kind) {
		case view.StepQueue:
			if _, ok := b.units[r.ID]; !ok {
				b.units[r.ID] = &span{queued: at, start: view.Never}
				b.queued++
			}
		case view.StepStart:
			u, ok := b.units[r.ID]
			switch {
			case !ok && b.upfront > 0:
				b.upfront--
				b.queued--
				u = &span{queued: 0}
				b.units[r.ID] = u
			case !ok:
				u = &span{queued: at}
				b.units[r.ID] = u
			case u.start == view.Never:
				b.queued--
			default:
				continue // started twice: count it once
			}
			u.start = at
			b.active++
		case view.StepEnd:
			u, ok := b.units[r.ID]
			if !ok {
				continue
			}
			if u.start == view.Never { // it left the queue without starting: gave up
				delete(b.units, r.ID)
				b.queued--
				break
			}
			delete(b.units, r.ID)
			b.active--
			b.ended = append(b.ended, span{queued: u.queued, start: u.start, end: at})
		default:
			continue
		}
		b.l.load(at, b.active, b.queued)
	}
	b.next = stop
	return b.next >= len(b.trace)
}

// Data finishes the charts once [Builder.Read] has read the whole trace.
func (b *Builder) Data() *Data {
	d := b.d
	b.l.load(d.End, b.active, b.queued)
	d.percentiles(b.ended)
	d.rates(b.ended)
	return d
}

// loader fills the load buckets in time order: a bucket no event falls in
// holds the counts of the last event before it.
type loader struct {
	d              *Data
	last           int // the last bucket filled
	active, queued int // the counts after the last event
}

// load notes the counts after an event at time at.
func (l *loader) load(at float64, active, queued int) {
	d := l.d
	b := d.bucket(at, loadBuckets)
	for i := l.last + 1; i < b; i++ {
		d.Active[i], d.Queued[i] = l.active, l.queued
	}
	if b > l.last {
		d.Active[b], d.Queued[b] = l.active, l.queued // the counts as the span begins
	}
	l.last, l.active, l.queued = b, active, queued
	d.Active[b] = max(d.Active[b], active)
	d.Queued[b] = max(d.Queued[b], queued)
	d.MaxLoad = max(d.MaxLoad, active, queued)
}

// bucket is which of n equal spans of the run at falls in. Before the end
// is known (while New reads the trace), the spans are those of the
// trace's last event, which New reads first.
func (d *Data) bucket(at float64, n int) int {
	if d.End <= 0 {
		return 0
	}
	return min(int(at/d.End*float64(n)), n-1)
}

func (d *Data) percentiles(ended []span) {
	d.Ended = len(ended)
	for _, u := range ended {
		d.Durations = append(d.Durations, u.end-u.start)
		d.Latencies = append(d.Latencies, u.end-u.queued)
	}
	// The durations ended by each sample time, kept sorted: each sample
	// sorts only its newcomers and merges them in, rather than sorting
	// everything again (20,000 units, sixty times over, took a browser
	// frame's worth of time many times).
	sorted := make([]float64, 0, len(ended))
	merged := make([]float64, 0, len(ended))
	next := 0
	for k := range pctSamples {
		at := d.End * float64(k+1) / pctSamples
		from := len(sorted)
		for next < len(ended) && ended[next].end <= at {
			sorted = append(sorted, ended[next].end-ended[next].start)
			next++
		}
		if from < len(sorted) {
			slices.Sort(sorted[from:])
			merged = mergeSorted(merged[:0], sorted[:from], sorted[from:])
			sorted, merged = merged, sorted
		}
		if len(sorted) == 0 {
			d.PctNone = k + 1
		}
		d.P50[k], d.P90[k], d.P99[k] = Percentile(sorted, 50), Percentile(sorted, 90), Percentile(sorted, 99)
		d.MaxPct = max(d.MaxPct, d.P99[k])
	}
	slices.Sort(d.Durations)
	slices.Sort(d.Latencies)
}

func (d *Data) rates(ended []span) {
	if d.End <= 0 {
		return
	}
	var counts [rateBins]float64
	for _, u := range ended {
		counts[d.bucket(u.end, rateBins)]++
	}
	sum := 0.0
	for i := range d.Rate {
		sum += counts[i]
		if i >= rateWindow {
			sum -= counts[i-rateWindow]
		}
		spans := float64(min(i+1, rateWindow))
		d.Rate[i] = sum / (spans * d.End / rateBins / 1000)
		d.MaxRate = max(d.MaxRate, d.Rate[i])
	}
}

// mergeSorted appends to dst the values of a and b, both sorted, in order.
func mergeSorted(dst, a, b []float64) []float64 {
	for len(a) > 0 && len(b) > 0 {
		if b[0] < a[0] {
			dst, b = append(dst, b[0]), b[1:]
		} else {
			dst, a = append(dst, a[0]), a[1:]
		}
	}
	return append(append(dst, a...), b...)
}

// Percentile is the p-th percentile (nearest rank) of sorted values; 0
// for none.
func Percentile(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	rank := int(p/100*float64(len(sorted))+0.999999) - 1
	return sorted[min(max(rank, 0), len(sorted)-1)]
}

// Throughput is units ended per virtual second over the whole run.
func (d *Data) Throughput() float64 {
	if d.End <= 0 {
		return 0
	}
	return float64(d.Ended) / (d.End / 1000)
}
