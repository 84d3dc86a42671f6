package review_test

import (
	"testing"

	"github.com/concurrency-patterns/playground/review"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// The library's own patterns are the reviewer's first negatives: each
// goroutine in them has an owner, a bound, a demand signal or a deadline,
// and none may be flagged.
func TestLibraryPatternsAreNotFlagged(t *testing.T) {
	cfg := &packages.Config{Mode: packages.LoadAllSyntax}
	pkgs, err := packages.Load(cfg, "github.com/concurrency-patterns/playground/patterns/...")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("the patterns do not load")
	}
	if len(pkgs) < 8 {
		t.Fatalf("loaded %d packages of patterns/, want them all", len(pkgs))
	}
	graph, err := checker.Analyze(review.Analyzers, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	ran := 0
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Errorf("%s: %v", act, act.Err)
		}
		ran++
		for _, d := range act.Diagnostics {
			t.Errorf("%s: %s", act.Package.Fset.Position(d.Pos), d.Message)
		}
	}
	if want := len(pkgs) * len(review.Analyzers); ran != want {
		t.Errorf("%d analyses ran, want %d", ran, want)
	}
}
