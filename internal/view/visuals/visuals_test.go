package visuals_test

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/internal/view/visuals"
)

// TestEveryScenarioHasAKit: each registered scenario gets a kit whose
// presets and sweep its own Parse accepts, and whose visual previews its
// defaults.
func TestEveryScenarioHasAKit(t *testing.T) {
	for _, name := range scenario.Names() {
		t.Run(name, func(t *testing.T) {
			s, _ := scenario.Lookup(name)
			kit := visuals.For(name)
			require.NotNil(t, kit.New)
			v, errs := s.Parse(nil)
			require.Empty(t, errs)
			vis := kit.New(nil, v)
			p := vis.Plan(0, 360)
			assert.Equal(t, vis.Height(360), p.H)
			for _, pr := range kit.Presets {
				_, errs := s.Parse(pr.Params)
				assert.Empty(t, errs, "preset %q", pr.Name)
			}
			if kit.Sweep.Param != "" {
				_, ok := s.Param(kit.Sweep.Param)
				assert.True(t, ok, "the sweep varies a parameter of %s", name)
				assert.NotEmpty(t, kit.Sweep.Values)
				assert.Contains(t, s.Summary, kit.Sweep.Figure, "the sweep is about a figure of the summary")
				var keys []string
				for _, pl := range kit.Sweep.Plots {
					keys = append(keys, pl.Key)
					if pl.Key != view.PlotThroughput && pl.Key != view.PlotP99 {
						assert.Contains(t, s.Summary, pl.Key, "a sweep's plot is of a figure of the summary")
					}
					assert.NotEmpty(t, pl.Title, "a plot of %s says what it is", pl.Key)
					assert.NotEmpty(t, pl.Unit, "a plot of %s says what it counts", pl.Key)
					assert.NotContains(t, pl.Title+pl.Unit, "_", "%s's plot is named in words", pl.Key)
				}
				assert.Contains(t, keys, kit.Sweep.Figure, "the sweep plots its figure")
			}
		})
	}
	assert.True(t, visuals.Has("stream"))
	assert.GreaterOrEqual(t, len(visuals.For("stream").Presets), 3)
	assert.False(t, visuals.Has("no such pattern"))
	assert.NotNil(t, visuals.For("no such pattern").New, "a scenario without a visual plays with the generic one")
}

// TestKnobsAreParameters: every pattern with a visual of its own names two
// or three knobs, each a parameter of its scenario, whose slider stays
// within the parameter's range and holds the default.
func TestKnobsAreParameters(t *testing.T) {
	for _, name := range scenario.Names() {
		if !visuals.Has(name) {
			continue
		}
		t.Run(name, func(t *testing.T) {
			s, _ := scenario.Lookup(name)
			knobs := visuals.For(name).Knobs
			assert.GreaterOrEqual(t, len(knobs), 2)
			assert.LessOrEqual(t, len(knobs), 3)
			seen := map[string]bool{}
			for _, k := range knobs {
				p, ok := s.Param(k.Param)
				require.True(t, ok, "knob %q is a parameter of %s", k.Param, name)
				assert.False(t, seen[k.Param], "knob %q twice", k.Param)
				seen[k.Param] = true
				switch p.Kind {
				case scenario.Bool, scenario.Choice:
					assert.Zero(t, k.Min+k.Max, "knob %q is a toggle or a menu, not a slider", k.Param)
					continue
				}
				assert.Less(t, k.Min, k.Max, "knob %q", k.Param)
				assert.GreaterOrEqual(t, k.Min, p.Min, "knob %q", k.Param)
				assert.LessOrEqual(t, k.Max, p.Max, "knob %q", k.Param)
				def, err := strconv.ParseFloat(p.Default, 64)
				require.NoError(t, err, "knob %q has a number as its default", k.Param)
				assert.True(t, k.Min <= def && def <= k.Max, "knob %q: the slider holds the default %v", k.Param, def)
			}
		})
	}
}
