package visuals_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/scenario/scenariotest"
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/internal/view/visuals"
)

// How far apart colours must stay: CIE76 differences, for the smallest
// shapes the pictures draw (a 2-pixel tick, a 4-pixel cell).
const (
	minApartOnAPage  = 12.0 // two colours of one legend, for normal vision and each dichromacy
	minApartAnywhere = 12.0 // any two roles, for normal vision: one colour, one meaning
	minFillContrast  = 2.0  // a shape against the page
	minTextContrast  = 4.5  // a text role against the page (WCAG AA)
)

// neutral roles draw the frame of every picture (lanes, labels, captions),
// not a state a legend names.
var neutral = map[view.Role]bool{view.RoleTrack: true, view.RoleText: true, view.RoleMuted: true}

// letters are the roles of texts alone: labels and captions.
var letters = map[view.Role]bool{view.RoleText: true, view.RoleMuted: true}

type theme struct {
	name    string
	palette view.Palette
	bg      string
}

var themes = []theme{{"light", view.Light, view.LightBackground}, {"dark", view.Dark, view.DarkBackground}}

func colour(t *testing.T, c string) rgb {
	t.Helper()
	v, ok := parseHex(c)
	require.True(t, ok, "%q is a #rrggbb colour", c)
	return v
}

// TestPaletteOneColourARole: in both themes each role has its own colour,
// apart from every other role's, and stands out from the page.
func TestPaletteOneColourARole(t *testing.T) {
	for _, th := range themes {
		bg := colour(t, th.bg)
		for a := range view.RoleCount {
			ca := colour(t, th.palette[a])
			for b := a + 1; b < view.RoleCount; b++ {
				if neutral[a] && neutral[b] {
					continue
				}
				d := deltaE(ca, colour(t, th.palette[b]))
				if letters[a] || letters[b] {
					// These draw letters, not shapes: they need only differ.
					assert.NotEqual(t, th.palette[a], th.palette[b], "%s: %v and %v", th.name, a, b)
					continue
				}
				assert.GreaterOrEqual(t, d, minApartAnywhere, "%s: %v and %v look alike", th.name, a, b)
			}
			switch {
			case a == view.RoleTrack:
				assert.Greater(t, contrast(ca, bg), 1.1, "%s: an empty lane still shows", th.name)
			case a == view.RoleText || a == view.RoleMuted || a == view.RoleAlert:
				assert.GreaterOrEqual(t, contrast(ca, bg), minTextContrast, "%s: %v reads on the page", th.name, a)
			default:
				assert.GreaterOrEqual(t, contrast(ca, bg), minFillContrast, "%s: %v stands out from the page", th.name, a)
			}
		}
	}
}

// TestLegendsTellTheirColoursApart: the colours a page names in its legend
// stay apart for normal vision and for each kind of dichromacy, in both
// themes; so do the lines of one chart.
func TestLegendsTellTheirColoursApart(t *testing.T) {
	groups := map[string][]view.Role{
		"chart: active and queued": {view.RoleRunning, view.RoleWaiting},
		"chart: percentiles":       {view.RoleP50, view.RoleP90, view.RoleP99},
	}
	for _, name := range scenario.Names() {
		for _, k := range visuals.For(name).Legend {
			if !neutral[k.Role] {
				groups[name] = append(groups[name], k.Role)
			}
		}
	}
	for _, th := range themes {
		for g, roles := range groups {
			for i, a := range roles {
				for _, b := range roles[i+1:] {
					d, who := worstDeltaE(colour(t, th.palette[a]), colour(t, th.palette[b]))
					assert.GreaterOrEqual(t, d, minApartOnAPage, "%s, %s theme: %v and %v look alike with %s", g, th.name, a, b, who)
				}
			}
		}
	}
}

// TestEveryColourDrawnHasALegend runs each pattern with its defaults and
// its presets and checks that every colour its picture fills, at any
// moment, and every colour of its timeline marks, is named in its legend,
// each role once.
func TestEveryColourDrawnHasALegend(t *testing.T) {
	for _, name := range scenario.Names() {
		if !visuals.Has(name) {
			continue
		}
		kit := visuals.For(name)
		named := map[view.Role]bool{}
		for _, k := range kit.Legend {
			assert.False(t, named[k.Role], "%s: %v named twice in the legend", name, k.Role)
			named[k.Role] = true
		}
		runs := []map[string]string{nil}
		for _, p := range kit.Presets {
			runs = append(runs, p.Params)
		}
		for _, params := range runs {
			trace, _, v := scenariotest.Record(t, name, params)
			vis := kit.New(trace, v)
			drawn := map[view.Role]bool{}
			for _, m := range vis.Marks() {
				drawn[m.Role] = true
			}
			times := vis.Times()
			step := max(len(times)/300, 1) // every moment of a short run; 300 of a long one
			for i := 0; i < len(times); i += step {
				for _, width := range []float64{360, 1000} {
					p := vis.Plan(times[i], width)
					for r, rs := range p.Fills {
						if len(rs) > 0 {
							drawn[view.Role(r)] = true
						}
					}
					for r, levels := range p.Shades {
						for _, rs := range levels {
							if len(rs) > 0 {
								drawn[view.Role(r)] = true
							}
						}
					}
				}
			}
			for r := range drawn {
				assert.True(t, neutral[r] || named[r], "%s %v: draws %v, which its legend does not name", name, params, r)
			}
		}
	}
}

// TestSweepLinesMeanWhatTheyCount: each plot of a sweep draws its line in
// the colour its page's legend gives the thing it counts (or the p99
// line's colour), never a colour with another meaning on the page.
func TestSweepLinesMeanWhatTheyCount(t *testing.T) {
	for _, name := range scenario.Names() {
		if !visuals.Has(name) {
			continue
		}
		kit := visuals.For(name)
		named := map[view.Role]bool{view.RoleP99: true}
		for _, k := range kit.Legend {
			named[k.Role] = true
		}
		for _, pl := range kit.Sweep.Plots {
			r := pl.RoleOf()
			assert.True(t, named[r], "%s: the sweep's plot of %s is drawn in %v, which the legend does not name", name, pl.Key, r)
			if pl.Key == view.PlotP99 {
				assert.Equal(t, view.RoleP99, r, "%s: a p99 plot is drawn as the p99 line is", name)
			}
		}
	}
}
