package chart_test

import (
	"math"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/internal/view/chart"
)

func TestNewAxis(t *testing.T) {
	for _, c := range []struct {
		values    []string
		log, zero bool
	}{
		{[]string{"1", "2", "4", "8", "16"}, true, false},
		{[]string{"100", "200", "300", "400", "500", "600", "800", "1000", "1200", "1500"}, true, false},
		{[]string{"0", "5", "10", "20", "40", "80", "160"}, true, true},
		{[]string{"0", "0.02", "0.05", "0.1", "0.15", "0.2", "0.3", "0.5"}, true, true},
		{[]string{"1", "2", "3", "4", "5"}, false, false},           // evenly spaced
		{[]string{"10", "20", "40", "80"}, false, false},            // less than ten times
		{[]string{"0", "10", "20", "30", "40", "50"}, false, false}, // evenly spaced from 0
		{[]string{"0", "0", "1", "10", "100"}, false, false},        // 0 twice: nowhere to set it apart
		{[]string{"-10", "1", "10", "100"}, false, false},           // a negative value
		{[]string{"1", "100"}, false, false},                        // too few to tell a factor from a step
		{[]string{"7"}, false, false},
	} {
		a := chart.NewAxis(c.values)
		assert.Equal(t, c.log, a.Log, "%v is on a log scale", c.values)
		assert.Equal(t, c.zero, a.Zero, "%v sets 0 apart", c.values)
	}
}

func TestAxisFrac(t *testing.T) {
	for _, c := range []struct {
		values []string
		at     map[float64]float64
	}{
		{[]string{"1", "10", "100", "1000"}, map[float64]float64{1: 0, 10: 1.0 / 3, 100: 2.0 / 3, 1000: 1, 5000: 1, 0.5: 0, -1: 0}},
		{[]string{"0", "1", "10", "100"}, map[float64]float64{0: 0, 0.5: 1.0 / 6, 1: 1.0 / 3, 10: 2.0 / 3, 100: 1, -3: 0}},
		{[]string{"0", "2", "4", "10"}, map[float64]float64{0: 0, 2: 0.2, 5: 0.5, 10: 1, 20: 1}},
		{[]string{"7"}, map[float64]float64{7: 0.5, 1: 0.5}},
	} {
		a := chart.NewAxis(c.values)
		for v, want := range c.at {
			assert.InDelta(t, want, a.Frac(v), 1e-9, "%v on the axis of %v", v, c.values)
		}
	}
}

func TestTicks(t *testing.T) {
	w := func(s string) float64 { return 10 * float64(len(s)) }
	values := []string{"0", "1", "2", "3", "40", "500"}
	xs := []float64{0, 5, 10, 30, 60, 80}
	// "0" runs to 5, "1" would start at 0, "2" at 5: too close; "3" at 25;
	// "40" from 50 to 70 is too close to "500", from 65.
	assert.Equal(t, []int{0, 3, 5}, chart.Ticks(values, xs, w, 6))
	assert.Equal(t, []int{0, 1, 2, 3, 4, 5}, chart.Ticks(values, []float64{0, 100, 200, 300, 400, 500}, w, 6))
	assert.Equal(t, []int{0}, chart.Ticks([]string{"1"}, []float64{3}, w, 6))
	assert.Empty(t, chart.Ticks(nil, nil, w, 6))
}

var sweep = view.Sweep{Param: "size", Figure: "max_waiting", Plots: []view.Plot{
	{Key: view.PlotThroughput, Title: "callers served per second", Unit: "per virtual s"},
	{Key: "max_waiting", Title: "longest line", Unit: "callers at once", Scale: 2},
}}

func points(values ...string) []chart.Point {
	out := make([]chart.Point, len(values))
	for i, v := range values {
		out[i] = chart.Point{Value: v, Of: map[string]float64{view.PlotThroughput: float64(10 * (i + 1)), "max_waiting": float64(8 - i)}}
	}
	return out
}

// axisRow is the texts of p drawn at the height of the first tick label,
// by x, within the first panel.
func axisRow(t *testing.T, p view.Plan, first string) []view.Text {
	t.Helper()
	y := math.NaN()
	for _, tx := range p.Texts {
		if tx.S == first && tx.Align == view.AlignCenter {
			y = tx.Y
			break
		}
	}
	require.False(t, math.IsNaN(y), "the axis is labelled %q", first)
	var out []view.Text
	for _, tx := range p.Texts {
		if tx.Y == y {
			out = append(out, tx)
		}
	}
	return out
}

func TestSweepPlanPlacesValues(t *testing.T) {
	for _, w := range []float64{360, 1200} {
		pts := points("1", "2", "4", "8", "16", "32")
		p := chart.SweepPlan(sweep, pts, "4", w)
		assert.Equal(t, chart.SweepHeight(sweep, w), p.H)
		require.Len(t, p.Lines, 2, "one line a plot")
		row := axisRow(t, p, "1")
		if w == 1200 {
			row = row[:len(row)/2] // the first panel of two side by side
		}
		require.Len(t, row, 6, "every value labelled at %v px", w)
		xs := p.Lines[0].Pts
		for i, tx := range row {
			assert.Equal(t, pts[i].Value, tx.S)
			x := xs[2*i]
			assert.InDelta(t, x, tx.X, view.TextWidth(tx.S, tx.Font)/2, "%q is labelled at its point, or as near as the edge lets it", tx.S)
			if i > 1 { // doubling values step evenly on a log scale
				assert.InDelta(t, xs[2]-xs[0], x-xs[2*i-2], 0.01, "%q at %v px", tx.S, w)
			}
		}
		var now *view.Text
		for i, tx := range p.Texts {
			if tx.S == "now: 4" {
				now = &p.Texts[i]
				break
			}
		}
		require.NotNil(t, now, "the marker is labelled")
		assert.InDelta(t, xs[4], now.X, 0.01, "the marker stands at 4")
		assert.Contains(t, texts(p), "size · log scale")
		assert.Contains(t, texts(p), "16", "the second plot's top: 8 callers, drawn twice as many")
	}
	lin := chart.SweepPlan(sweep, points("0", "2", "5", "10"), "7.5", 1200)
	xs := lin.Lines[0].Pts
	assert.InDelta(t, (xs[0]+xs[6])/2, xs[4], 0.01, "5 halfway from 0 to 10")
	assert.InDelta(t, xs[0]+(xs[6]-xs[0])/5, xs[2], 0.01, "2 a fifth of the way")
	assert.NotContains(t, texts(lin), "size · log scale")
	assert.Contains(t, texts(lin), "now: 7.5")
	assert.Empty(t, chart.SweepPlan(sweep, nil, "3", 800).Lines)
	assert.NotContains(t, texts(chart.SweepPlan(sweep, points("1", "2"), "", 800)), "now: ")
}

func texts(p view.Plan) []string {
	var out []string
	for _, tx := range p.Texts {
		out = append(out, tx.S)
	}
	return out
}

func TestSweepHit(t *testing.T) {
	pts := points("1", "2", "4", "8", "16", "32")
	for _, w := range []float64{360, 1200} {
		p := chart.SweepPlan(sweep, pts, "", w)
		row := axisRow(t, p, "1")
		for i, tx := range row {
			assert.Equal(t, i%len(pts), chart.SweepHit(sweep, pts, w, tx.X+3, tx.Y), "a click by %q at %v px", tx.S, w)
		}
		assert.Equal(t, -1, chart.SweepHit(sweep, pts, w, 1, 1), "the margin")
		assert.Equal(t, -1, chart.SweepHit(sweep, pts, w, row[2].X+(row[3].X-row[2].X)/2, row[2].Y), "halfway between 4 and 8, %v px", w)
	}
	assert.Equal(t, -1, chart.SweepHit(sweep, nil, 800, 100, 100))
}

func TestPointOf(t *testing.T) {
	d := chart.New(twoSlots, view.TaskLife, 0)
	pt := chart.PointOf("3", d, map[string]float64{"ok": 2})
	assert.Equal(t, chart.Point{Value: "3", Of: map[string]float64{"ok": 2, view.PlotThroughput: 10, view.PlotP99: 400}}, pt)
	assert.Equal(t, strconv.Itoa(3), pt.Value)
}
