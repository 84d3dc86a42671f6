package nodeadline_test

import (
	"testing"

	"github.com/concurrency-patterns/playground/review/nodeadline"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestNoDeadline(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), nodeadline.Analyzer, "a")
}

func TestNoDeadlineFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), nodeadline.Analyzer, "fix")
}
