package unowned_test

import (
	"testing"

	"github.com/concurrency-patterns/playground/review/unowned"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestUnowned(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), unowned.Analyzer, "a")
}

func TestUnownedFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), unowned.Analyzer, "fix")
}
