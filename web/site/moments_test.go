package site

import (
	"maps"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/concurrency-patterns/playground/internal/scenario/scenariotest"
	pgview "github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/internal/view/visuals"
	"github.com/concurrency-patterns/playground/patterns/event"
	"github.com/concurrency-patterns/playground/web/playground"
)

// TestEveryMomentHappens runs the demo of every guided moment of the pages
// as the browser would, and checks that its event happens in that run and
// that the picture can ring what it shows there.
func TestEveryMomentHappens(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join("..", "..", "content", "*.md"))
	require.NoError(t, err)
	md := goldmark.New(goldmark.WithExtensions(playground.Extension))
	for _, file := range pages {
		src, err := os.ReadFile(file)
		require.NoError(t, err)
		var first *playground.Node
		var tries []*playground.Try
		_ = ast.Walk(md.Parser().Parse(text.NewReader(src)), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			switch n := n.(type) {
			case *playground.Node:
				if first == nil && entering {
					first = n
				}
			case *playground.Try:
				if entering {
					tries = append(tries, n)
				}
			}
			return ast.WalkContinue, nil
		})
		for i, try := range tries {
			t.Run(filepath.Base(file)+"/"+try.Stop, func(t *testing.T) {
				require.NoError(t, try.Err)
				raw := map[string]string{}
				for _, k := range first.Set {
					raw[k] = first.Values.Raw()[k]
				}
				maps.Copy(raw, try.Params)
				name := first.Scenario.Name
				run := scenariotest.Run(t, name, raw)
				var found []event.Record
				for _, r := range run.Trace() {
					if r.Kind.String() == try.Stop {
						found = append(found, r)
					}
				}
				if try.Nth < 0 && len(found) > 0 {
					try.Nth = len(found)
				}
				if try.Nth >= 1 && try.Nth <= len(found) {
					r := found[try.Nth-1]
					at := pgview.Millis(r.At)
					vis := visuals.For(name).New(run.Trace(), run.Values())
					l, ok := vis.(pgview.Looker)
					require.True(t, ok, "the %s picture cannot ring a moment", name)
					look, ok := l.Look(r, at, 720)
					assert.True(t, ok, "moment %d: the picture finds nothing to ring for %v at %v ms", i+1, r, at)
					ring := look.At
					assert.True(t, ring.W > 0 && ring.H > 0 && ring.X >= 0 && ring.Y >= 0 && ring.X+ring.W <= 720 &&
						ring.Y+ring.H <= vis.Height(720), "moment %d: the ring %+v is on the picture", i+1, ring)
					if look.Say == "" {
						look.Say = visuals.For(name).WordsOf()(r)
					}
					t.Logf("moment %d at %.1f ms, ring %v: %s", i+1, at, look.At, look.Say)
					return
				}
				t.Errorf("moment %d: the run has %d %s events, not %d", i+1, len(found), try.Stop, try.Nth)
			})
		}
	}
}
