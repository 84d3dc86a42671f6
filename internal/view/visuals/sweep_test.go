package visuals_test

import (
	"bufio"
	"maps"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/scenario/scenariotest"
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/internal/view/chart"
	"github.com/concurrency-patterns/playground/internal/view/visuals"
)

// pageFence is a ```playground fence of a page: its scenario and the
// parameters it sets.
type pageFence struct {
	page, name string
	line       int
	params     map[string]string
}

// readFences reads every playground fence of the site's pages.
func readFences(t *testing.T) []pageFence {
	t.Helper()
	files, err := filepath.Glob("../../../content/*.md")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	var out []pageFence
	for _, f := range files {
		fh, err := os.Open(f)
		require.NoError(t, err)
		sc := bufio.NewScanner(fh)
		var cur *pageFence
		for line := 1; sc.Scan(); line++ {
			text := strings.TrimSpace(sc.Text())
			switch {
			case cur == nil && strings.HasPrefix(text, "```playground "):
				cur = &pageFence{page: filepath.Base(f), line: line, params: map[string]string{},
					name: strings.TrimSpace(strings.TrimPrefix(text, "```playground "))}
			case cur != nil && text == "```":
				out = append(out, sides(*cur)...)
				cur = nil
			case cur != nil && text != "":
				k, v, _ := strings.Cut(text, ":")
				cur.params[strings.TrimSpace(k)] = strings.TrimSpace(v)
			}
		}
		require.NoError(t, sc.Err())
		fh.Close()
	}
	return out
}

// sides are the fences a fence stands for: itself, or with a compare
// line ("mode=bare | mode=supervised") each of the two runs of its pair.
func sides(f pageFence) []pageFence {
	cmp, ok := f.params["compare"]
	if !ok {
		return []pageFence{f}
	}
	delete(f.params, "compare")
	var out []pageFence
	for _, side := range strings.Split(cmp, "|") {
		g := f
		g.params = maps.Clone(f.params)
		for _, a := range strings.Split(side, ",") {
			k, v, _ := strings.Cut(a, "=")
			g.params[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
		out = append(out, g)
	}
	return out
}

// sweepPoint is one run of a sweep, as the browser's sweep measures it.
type sweepPoint struct {
	value string
	point chart.Point
	sum   map[string]float64
}

// runSweep runs kit's sweep over the fence's parameters, skipping the
// values the scenario refuses with them, as the browser does.
func runSweep(t *testing.T, f pageFence) []sweepPoint {
	t.Helper()
	kit := visuals.For(f.name)
	s, ok := scenario.Lookup(f.name)
	require.True(t, ok)
	var out []sweepPoint
	for _, val := range kit.Sweep.Values {
		raw := map[string]string{}
		for k, v := range f.params {
			raw[k] = v
		}
		raw[kit.Sweep.Param] = val
		if _, errs := s.Parse(raw); len(errs) > 0 {
			continue
		}
		run := scenariotest.Run(t, f.name, raw)
		sum := run.Summary()
		d := chart.New(run.Trace(), kit.LifeOf(), kit.UpfrontOf(run.Values()))
		out = append(out, sweepPoint{val, chart.PointOf(val, d, sum), sum})
	}
	return out
}

// TestEverySweepTeaches runs the sweep of every demo on every page with
// that demo's own parameters: its figure must change across the values by
// at least half again (the largest at least 1.5 times the smallest), or
// the sweep shows nothing worth a reader's click.
func TestEverySweepTeaches(t *testing.T) {
	for _, f := range readFences(t) {
		t.Run(f.page+":"+strconv.Itoa(f.line), func(t *testing.T) {
			kit := visuals.For(f.name)
			require.NotEmpty(t, kit.Sweep.Param, "%s has no sweep", f.name)
			require.NotEmpty(t, kit.Sweep.Figure, "%s's sweep plots no figure of its own", f.name)
			s, _ := scenario.Lookup(f.name)
			require.Contains(t, s.Summary, kit.Sweep.Figure, "the figure is a key of %s's summary", f.name)
			checkAscending(t, kit.Sweep.Values)
			pts := runSweep(t, f)
			require.GreaterOrEqual(t, len(pts), 3, "the sweep runs at least three values")
			fig := kit.Sweep.Figure
			lo, hi := pts[0].point.Of[fig], pts[0].point.Of[fig]
			var line []string
			for _, p := range pts {
				f := p.point.Of[fig]
				lo, hi = min(lo, f), max(hi, f)
				line = append(line, p.value+": "+strconv.FormatFloat(f, 'f', -1, 64)+" ("+strconv.FormatFloat(p.point.Of[view.PlotThroughput], 'f', 1, 64)+"/s)")
			}
			t.Logf("%s %v, sweep of %s, %s: %s", f.name, f.params, kit.Sweep.Param, kit.Sweep.Figure, strings.Join(line, ", "))
			assert.Positive(t, hi, "the figure is never above 0")
			assert.GreaterOrEqual(t, hi, 1.5*lo, "the figure moves from %v to %v only", lo, hi)
		})
	}
}

// checkAscending holds a sweep's values to numbers in ascending order, so
// that an axis can place them (on a log scale when the kit says so).
func checkAscending(t *testing.T, values []string) {
	t.Helper()
	prev := 0.0
	for i, v := range values {
		f, err := strconv.ParseFloat(v, 64)
		require.NoError(t, err, "sweep value %q", v)
		if i > 0 {
			assert.Greater(t, f, prev, "sweep values ascend")
		}
		prev = f
	}
}
