package unbounded_test

import (
	"testing"

	"github.com/concurrency-patterns/playground/review/unbounded"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestUnbounded(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), unbounded.Analyzer, "a")
}

func TestUnboundedFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), unbounded.Analyzer, "fix")
}
