package visuals_test

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/scenario/scenariotest"
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/internal/view/chart"
	"github.com/concurrency-patterns/playground/internal/view/visuals"
)

// maxCanvasH is the tallest a canvas may draw: it must fit a screen, with
// the controls, at any parameters.
const maxCanvasH = 900.0

// widths are a phone's canvas (a 360 px screen leaves about 300 inside the
// page and the demo's padding), a 360 px canvas, and a wide screen's.
var widths = []float64{300, 360, 1200}

// TestReadableAtAnyScale draws the largest runs of every pattern at every
// width and at moments through each run: no canvas is taller than
// maxCanvasH, and no text runs off its canvas. Charts and sweeps too.
func TestReadableAtAnyScale(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the largest scenarios")
	}
	for _, name := range scenario.Names() {
		require := assert.New(t)
		require.NotEmpty(scenariotest.Largest[name], "%s has its largest runs listed", name)
		for i, raw := range scenariotest.Largest[name] {
			t.Run(name+"/"+strconv.Itoa(i), func(t *testing.T) {
				trace, _, v := scenariotest.Record(t, name, raw)
				kit := visuals.For(name)
				vis := kit.New(trace, v)
				charts := chart.New(trace, kit.LifeOf(), kit.UpfrontOf(v))
				moments := []float64{0, kit.StillOf(trace)}
				for _, f := range []float64{0.05, 0.25, 0.5, 0.75, 1} {
					moments = append(moments, vis.End()*f)
				}
				for _, w := range widths {
					for _, at := range moments {
						readable(t, "animation", vis.Plan(at, w), vis.Height(w))
						readable(t, "charts", charts.Plan(at, w), chart.Height(w))
					}
				}
			})
		}
	}
}

// TestSweepReadable plots each pattern's sweep at every width with large
// figures.
func TestSweepReadable(t *testing.T) {
	for _, name := range scenario.Names() {
		kit := visuals.For(name)
		if kit.Sweep.Param == "" {
			continue
		}
		var pts []chart.Point
		for i, v := range kit.Sweep.Values {
			of := map[string]float64{}
			for _, pl := range kit.Sweep.Plots {
				of[pl.Key] = 3_600_000 * float64(i+1)
			}
			pts = append(pts, chart.Point{Value: v, Of: of})
		}
		vs := kit.Sweep.Values
		for _, w := range append(widths, 760) { // 760: the narrowest with the plots side by side
			for _, now := range []string{vs[0], vs[len(vs)/2], vs[len(vs)-1]} {
				p := chart.SweepPlan(kit.Sweep, pts, now, w)
				readable(t, name+" sweep", p, chart.SweepHeight(kit.Sweep, w))
				apart(t, name+" sweep at "+now, p)
			}
		}
	}
}

// TestPreviewHeights sizes every pattern's canvas before a run, over a
// range of each count parameter's values: the layout alone must fit too.
func TestPreviewHeights(t *testing.T) {
	counts := []float64{1, 2, 3, 5, 8, 12, 16, 24, 32, 48, 64, 100, 150, 200, 300, 500, 700, 1000, 2000, 5000, 10000, 20000, 100000}
	for _, name := range scenario.Names() {
		s, _ := scenario.Lookup(name)
		kit := visuals.For(name)
		for _, p := range s.Params {
			if p.Kind != scenario.Int || p.Name == "seed" {
				continue
			}
			for _, n := range append(counts, p.Max) {
				if n < p.Min || n > p.Max {
					continue
				}
				v, errs := s.Parse(map[string]string{p.Name: strconv.FormatFloat(n, 'f', -1, 64), "max_demand": "10000"})
				if len(errs) > 0 {
					continue // a value only another parameter's would allow
				}
				vis := kit.New(nil, v)
				for _, w := range widths {
					assert.LessOrEqual(t, vis.Height(w), maxCanvasH, "%s with %s=%v at %v px", name, p.Name, n, w)
				}
			}
		}
	}
}

// readable checks one plan: its height is the one promised, within
// maxCanvasH, and every text fits its width.
func readable(t *testing.T, what string, p view.Plan, height float64) {
	t.Helper()
	assert.Equal(t, height, p.H, "%s: the plan is as tall as its canvas", what)
	assert.LessOrEqual(t, p.H, maxCanvasH, "%s at %v px", what, p.W)
	for _, tx := range p.Overflow() {
		l, r := tx.Extent()
		t.Errorf("%s at %v px: %q runs from %.0f to %.0f px", what, p.W, tx.S, l, r)
	}
}

// apart fails for two texts of p drawn on one line that run into each
// other.
func apart(t *testing.T, what string, p view.Plan) {
	t.Helper()
	for i, a := range p.Texts {
		for _, b := range p.Texts[i+1:] {
			if a.Y != b.Y {
				continue
			}
			al, ar := a.Extent()
			bl, br := b.Extent()
			if al < br && bl < ar {
				t.Errorf("%s at %v px: %q (%.0f to %.0f) runs into %q (%.0f to %.0f)", what, p.W, a.S, al, ar, b.S, bl, br)
			}
		}
	}
}
