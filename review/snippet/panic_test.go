package snippet

import (
	"testing"

	"github.com/concurrency-patterns/playground/review"
	"github.com/stretchr/testify/assert"
	"golang.org/x/tools/go/analysis"
)

// A check that panics loses its own findings and no one else's.
func TestPanicRecovered(t *testing.T) {
	broken := &analysis.Analyzer{Name: "broken", Doc: "panics", Run: func(*analysis.Pass) (any, error) { panic("out of range") }}
	after := &analysis.Analyzer{Name: "after", Doc: "needs broken", Requires: []*analysis.Analyzer{broken},
		Run: func(*analysis.Pass) (any, error) { return nil, nil }}
	r := check("package p\n\nfunc f() { go g() }\n\nfunc g() { panic(1) }\n", append([]*analysis.Analyzer{broken, after}, review.Analyzers...))
	assert.Equal(t, []string{"broken: internal error: out of range"}, r.Failed)
	assert.Len(t, r.Findings, 1)
}
