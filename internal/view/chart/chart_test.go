package chart_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/internal/scenario/scenariotest"
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/internal/view/chart"
	"github.com/concurrency-patterns/playground/patterns/event"
)

func ev(ms float64, k event.Kind, id, slot int) event.Record {
	return event.Record{At: time.Duration(ms * float64(time.Millisecond)), Kind: k, ID: int32(id), Slot: int32(slot)}
}

// twoSlots: four tasks on two slots; tasks 0 and 1 start at once, 2 and 3
// queue (pulled at 0) until a slot frees.
var twoSlots = []event.Record{
	ev(0, event.Pulled, 0, -1), ev(0, event.Started, 0, 0),
	ev(0, event.Pulled, 1, -1), ev(0, event.Started, 1, 1),
	ev(0, event.Pulled, 2, -1), ev(0, event.Pulled, 3, -1),
	ev(100, event.Finished, 0, 0), ev(100, event.Started, 2, 0),
	ev(200, event.Panicked, 1, 1), ev(200, event.Started, 3, 1),
	ev(300, event.Finished, 2, 0), ev(400, event.TimedOut, 3, 1),
}

func TestNew(t *testing.T) {
	d := chart.New(twoSlots, view.TaskLife, 0)
	assert.Equal(t, 400.0, d.End)
	assert.Equal(t, 2, d.Active[0], "two running at the start")
	assert.Equal(t, 2, d.Queued[0], "two queued at the start")
	assert.Equal(t, 2, d.MaxLoad)
	assert.Equal(t, 4, d.Ended, "a crash and a timeout end a task too")
	assert.Equal(t, []float64{100, 200, 200, 200}, d.Durations)
	assert.Equal(t, []float64{100, 200, 300, 400}, d.Latencies, "from the queue event to the end")
	assert.InDelta(t, 10.0, d.Throughput(), 1e-9, "4 tasks in 0.4 virtual s")
	assert.Equal(t, 200.0, d.P99[len(d.P99)-1])
	assert.Equal(t, 100.0, d.P50[len(d.P50)/4-1], "at a quarter of the run, task 0 alone has ended")
}

func TestNewUpfront(t *testing.T) {
	life := func(k event.Kind) view.Step {
		if k == event.Pulled {
			return view.StepNone
		}
		return view.TaskLife(k)
	}
	d := chart.New(twoSlots, life, 4)
	assert.Equal(t, 4, d.Queued[0], "four wait at 0, the most of the first span")
	assert.Equal(t, 2, d.Queued[len(d.Queued)/8], "two start at once; at 50 ms two wait")
	assert.Equal(t, []float64{100, 200, 300, 400}, d.Latencies, "from time 0")
	assert.Zero(t, chart.New(nil, life, 4).Ended)
}

func TestPercentile(t *testing.T) {
	tests := []struct {
		in   []float64
		p    float64
		want float64
	}{
		{nil, 50, 0},
		{[]float64{7}, 99, 7},
		{[]float64{1, 2, 3, 4}, 50, 2},
		{[]float64{1, 2, 3, 4}, 100, 4},
		{[]float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 90, 9},
		{[]float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 99, 10},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, chart.Percentile(tt.in, tt.p), "%v p%v", tt.in, tt.p)
	}
}

func TestPlanFitsAndMovesOnlyTheCursor(t *testing.T) {
	d := chart.New(twoSlots, view.TaskLife, 0)
	for _, width := range []float64{360, 1200} {
		a, b := d.Plan(50, width), d.Plan(350, width)
		require.Equal(t, chart.Height(width), a.H)
		for _, p := range []view.Plan{a, b} {
			for _, rs := range p.Fills {
				for _, r := range rs {
					assert.True(t, r.X >= 0 && r.Y >= 0 && r.X+r.W <= width+1e-9 && r.Y+r.H <= p.H+1e-9, "%+v", r)
				}
			}
			for _, l := range p.Lines {
				for i := 0; i < len(l.Pts); i += 2 {
					assert.True(t, l.Pts[i] >= 0 && l.Pts[i] <= width && l.Pts[i+1] >= 0 && l.Pts[i+1] <= p.H, "%v", l.Pts[i:i+2])
				}
			}
		}
		assert.Equal(t, a.Lines, b.Lines, "the lines are of the whole run")
		assert.NotEqual(t, a.Fills[view.RoleText], b.Fills[view.RoleText], "the cursor moves")
		assert.Equal(t, a, d.Plan(50, width), "a function of t")
	}
	assert.Len(t, d.Plan(0, 1200).Lines, 2+3+1)
}

// TestBuilderInPieces: a trace read a few records at a time gives the
// charts New gives, for a real run with queues, crashes and timeouts.
func TestBuilderInPieces(t *testing.T) {
	trace, _, v := scenariotest.Record(t, "stream", map[string]string{
		"items": "300", "max_concurrency": "7", "fail_rate": "0.2", "timeout": "300", "on_timeout": "kill_task"})
	life := func(k event.Kind) view.Step {
		if k == event.Pulled {
			return view.StepNone
		}
		return view.TaskLife(k)
	}
	want := chart.New(trace, life, v.Int("items"))
	for _, n := range []int{1, 7, 1000} {
		b := chart.NewBuilder(trace, life, v.Int("items"))
		reads := 1
		for !b.Read(n) {
			reads++
		}
		assert.Equal(t, want, b.Data(), "read %d at a time", n)
		assert.Equal(t, (len(trace)+n-1)/n, reads, "read %d at a time", n)
	}
}

// TestEveryLineHasAKey: each colour a chart draws a line in is named on the
// chart, a stroke of the colour beside its name, clear of the axis labels.
func TestEveryLineHasAKey(t *testing.T) {
	d := chart.New(twoSlots, view.TaskLife, 0)
	for _, width := range []float64{360, 760, 1200} {
		p := d.Plan(200, width)
		require.NotEmpty(t, p.Lines)
		for _, l := range p.Lines {
			require.NotEmpty(t, p.Fills[l.Role], "a key stroke for %v", l.Role)
		}
		names := map[string]bool{}
		for _, tx := range p.Texts {
			names[tx.S] = true
		}
		for _, n := range []string{"active", "queued", "p50", "p90", "p99", "ended"} {
			assert.True(t, names[n], "the key names %q at width %v", n, width)
		}
		for i, a := range p.Texts {
			for _, b := range p.Texts[i+1:] {
				if a.Y != b.Y {
					continue
				}
				al, ar := a.Extent()
				bl, br := b.Extent()
				assert.True(t, ar <= bl || br <= al, "%q and %q overlap at width %v", a.S, b.S, width)
			}
		}
	}
}

// TestNoPercentileBeforeAnEnd: the percentile lines start where the first
// unit has ended, not at a 0 no unit took; the readout says none ended.
func TestNoPercentileBeforeAnEnd(t *testing.T) {
	late := []event.Record{ev(0, event.Started, 0, 0), ev(300, event.Finished, 0, 0), ev(350, event.Started, 1, 0), ev(400, event.Finished, 1, 0)}
	d := chart.New(late, view.TaskLife, 0)
	assert.Equal(t, 44, d.PctNone, "the first unit ends at 300 of 400 ms: three quarters of the samples come before it")
	p := d.Plan(100, 1200)
	pct := p.Lines[2]
	require.Equal(t, view.RoleP50, pct.Role)
	for i := 1; i < len(pct.Pts); i += 2 {
		assert.Less(t, pct.Pts[i], p.H-20, "no point of the p50 line on the zero line")
	}
	assert.Greater(t, pct.Pts[0], 600.0, "the line starts three quarters of the way along")
	readouts := map[string]bool{}
	for _, tx := range p.Texts {
		readouts[tx.S] = true
	}
	assert.True(t, readouts["none ended yet"])
}

// Charts shared with a longer, busier run draw to its axis, and keep
// their own scale to go back to.
func TestSharedScale(t *testing.T) {
	d := chart.New(twoSlots, view.TaskLife, 0)
	own := d.Scale()
	require.Len(t, own.Tops, 3)
	texts := func() string {
		out := ""
		for _, tx := range d.Plan(0, 900).Texts {
			out += tx.S + "\n"
		}
		return out
	}
	longer := view.Scale{End: 4 * own.End, Tops: []float64{10 * own.Tops[0], 0, 0}}
	d.Share(own.Union(longer))
	assert.Equal(t, own, d.Scale(), "its own scale is kept")
	assert.Contains(t, texts(), view.Ms(longer.End)+" ms", "the axis ends where the longer run does")
	d.Share(view.Scale{})
	assert.Contains(t, texts(), view.Ms(own.End)+" ms", "back to its own axis")
	assert.NotContains(t, texts(), view.Ms(longer.End)+" ms")
}
