package nobackpressure_test

import (
	"testing"

	"github.com/concurrency-patterns/playground/review/nobackpressure"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestNoBackpressure(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), nobackpressure.Analyzer, "a")
}

func TestNoBackpressureFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), nobackpressure.Analyzer, "fix")
}
