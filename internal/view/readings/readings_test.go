package readings_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/scenario/scenariotest"
	"github.com/concurrency-patterns/playground/internal/view/readings"
	"github.com/concurrency-patterns/playground/internal/view/visuals"
)

// pageParams are the parameters of the first demo of the pattern's page,
// as its fence in content/ sets them (a pair's first side); nil when the
// page has none.
func pageParams(t *testing.T, name string) map[string]string {
	src, err := os.ReadFile("../../../content/" + name + ".md")
	if os.IsNotExist(err) {
		return nil
	}
	require.NoError(t, err)
	m := regexp.MustCompile("(?s)```playground " + name + "\n(.*?)```").FindSubmatch(src)
	if m == nil {
		return nil
	}
	params := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(m[1])), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok {
			params[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	// A pair's first side: its compare line's first half, over the rest.
	if cmp, ok := params["compare"]; ok {
		delete(params, "compare")
		first, _, _ := strings.Cut(cmp, "|")
		for _, a := range strings.Split(first, ",") {
			k, v, _ := strings.Cut(a, "=")
			params[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	return params
}

// TestPicturesAgreeWithSummaries runs every pattern with its defaults, its
// page's first demo and each preset, and reads the counts its picture
// draws at the end of the run, at widths from a small laptop's to a wide
// screen's: each equals the summary's figure.
func TestPicturesAgreeWithSummaries(t *testing.T) {
	for _, name := range scenario.Names() {
		if !visuals.Has(name) {
			continue
		}
		require.NotEmpty(t, readings.Keys(name), "%s: the picture's counts are read", name)
		kit := visuals.For(name)
		runs := map[string]map[string]string{"defaults": nil, "page": pageParams(t, name)}
		for _, p := range kit.Presets {
			runs[p.Name] = p.Params
		}
		for label, params := range runs {
			t.Run(name+"/"+label, func(t *testing.T) {
				trace, sum, v := scenariotest.Record(t, name, params)
				vis := kit.New(trace, v)
				for _, width := range []float64{700, 1000, 1200} {
					p := vis.Plan(vis.End(), width)
					texts := make([]string, len(p.Texts))
					for i, tx := range p.Texts {
						texts[i] = tx.S
					}
					got, err := readings.Read(name, texts)
					require.NoError(t, err)
					for _, k := range readings.Keys(name) {
						assert.Equal(t, sum[k], got[k], "%s at %v px: the picture's %s, in %q", name, width, k, texts)
					}
					if name == "supervisor" {
						// A lane a child, each labelled with its restarts.
						assert.Equal(t, sum["restarts"], got["restarts (lanes)"], "the lanes' restarts, in %q", texts)
					}
				}
			})
		}
	}
}
