package picture_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/scenario/scenariotest"
	"github.com/concurrency-patterns/playground/internal/view/visuals"
	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/web/picture"
)

func readStatic(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "static", name))
	require.NoError(t, err)
	return string(b)
}

// TestRecordMatchesSynctest runs each scenario natively, as the site
// builder does, and in a synctest bubble, as the tests of the scenarios
// do: the same events at the same virtual times, so the builder's way of
// waiting for the run's goroutines to block is as good as the bubble's.
// (Goroutines that act at the same instant may do so in either order in
// the bubble, which runs them in parallel, so the events of an instant
// are compared as a set.)
func TestRecordMatchesSynctest(t *testing.T) {
	// Runs whose goroutines never race for one instant in a way that
	// changes what happens: a release and an arrival at the same moment,
	// say, may give a slot to either (both are right, and the two runners
	// may disagree).
	cases := map[string]map[string]string{
		"stream":     {"fail_rate": "0.2", "ordered": "false"},
		"tasks":      {"max_children": "3", "items": "20"},
		"timeout":    nil,
		"stage":      {"consumers": "1", "rate": "40", "buffer_size": "20"},
		"limiter":    {"timeout": "300"},
		"pool":       {"timeout": "200", "fail_rate": "0.2"},
		"supervisor": {"max_restarts": "100"},
		"spawn":      {"mode": "unbounded"},
		"consumer":   {"fail_rate": "0.3", "restart": "transient", "max_restarts": "100"},
	}
	procs := runtime.GOMAXPROCS(0)
	for _, name := range scenario.Names() {
		raw, ok := cases[name]
		require.True(t, ok, "%s has a case", name)
		t.Run(name, func(t *testing.T) {
			// One processor for the reference run too: with two, goroutines
			// that wake at the same virtual instant may take a lock in
			// either order, and some workloads (spawn, stage) then differ
			// from run to run, under synctest or not.
			runtime.GOMAXPROCS(1)
			want, _, v := scenariotest.Record(t, name, raw)
			runtime.GOMAXPROCS(procs)
			s, _ := scenario.Lookup(name)
			got, err := picture.Record(s, v)
			require.NoError(t, err)
			assert.Equal(t, instants(want), instants(got))
			assert.Equal(t, procs, runtime.GOMAXPROCS(0), "Record gives the processors back")
		})
	}
}

// instants lists a trace's events as "at kind id", each instant's sorted.
func instants(trace []event.Record) []string {
	out := make([]string, len(trace))
	for i, r := range trace {
		out[i] = fmt.Sprintf("%020d %v %d", r.At, r.Kind, r.ID)
	}
	slices.Sort(out) // the time leads, so only an instant's events change places
	return out
}

// TestPicturesAreTheSameEveryBuild draws each scenario's default demo
// several times: the SVG must not change, or two builds of the site
// would differ.
func TestPicturesAreTheSameEveryBuild(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector shuffles the order goroutines run in; a build runs them in the order the scheduler gives")
	}
	for _, name := range scenario.Names() {
		t.Run(name, func(t *testing.T) {
			s, _ := scenario.Lookup(name)
			v, _ := s.Parse(nil)
			var first string
			for i := range 5 {
				p, err := picture.Of(s, v)
				require.NoError(t, err)
				wide, err := p.SVG(false)
				require.NoError(t, err)
				narrow, err := p.SVG(true)
				require.NoError(t, err)
				svg := string(wide + narrow)
				if i == 0 {
					first = svg
					continue
				}
				require.Equal(t, first, svg, "run %d drew another picture", i)
			}
		})
	}
}

func TestPictureOfADemo(t *testing.T) {
	s, _ := scenario.Lookup("stream")
	v, errs := s.Parse(map[string]string{"items": "30"})
	require.Empty(t, errs)
	p, err := picture.Of(s, v)
	require.NoError(t, err)
	assert.Equal(t, visuals.For("stream").Legend, p.Kit.Legend)
	assert.Positive(t, p.T)
	assert.Less(t, p.T, p.End, "the still is inside the run")
	assert.Equal(t, picture.NarrowW, p.Narrow.W)
	assert.Equal(t, picture.WideW, p.Wide.W)
	svg, err := p.SVG(true)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(svg), `<svg class="pg-picture" viewBox="0 0 300 `), "%.80s", svg)
	assert.Contains(t, string(svg), `aria-label="The demo&#39;s run at `)
	assert.Contains(t, string(svg), "running: 4 tasks", "the label says what the captions say")
}
