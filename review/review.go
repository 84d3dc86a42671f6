package review

import (
	"flag"

	"github.com/concurrency-patterns/playground/review/internal/link"
	"github.com/concurrency-patterns/playground/review/nobackpressure"
	"github.com/concurrency-patterns/playground/review/nodeadline"
	"github.com/concurrency-patterns/playground/review/unbounded"
	"github.com/concurrency-patterns/playground/review/unowned"
	"golang.org/x/tools/go/analysis"
)

// Analyzers are the reviewer's checks, in the order of the checklist.
var Analyzers = []*analysis.Analyzer{
	unowned.Analyzer,
	nobackpressure.Analyzer,
	unbounded.Analyzer,
	nodeadline.Analyzer,
}

// Pages is the address findings link under, as a flag.Value: by default
// the published playground; an empty value makes the links relative.
var Pages flag.Value = link.Flag{}

// DefaultPages is where the playground is published.
const DefaultPages = link.DefaultBase
