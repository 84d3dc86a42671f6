package playground

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// transformer replaces every playground fence with a [Node]. It runs after
// block parsing, so fences inside lists and quotes are found too.
type transformer struct{}

func (transformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	source := reader.Source()
	var fences []*ast.FencedCodeBlock
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if f, ok := n.(*ast.FencedCodeBlock); ok && entering && isFence(f, source) {
			fences = append(fences, f)
		}
		return ast.WalkContinue, nil
	})
	// Replace after the walk: changing the tree while walking it would skip
	// the siblings that follow a replaced node.
	for _, f := range fences {
		parent := f.Parent()
		parent.ReplaceChild(parent, f, newNode(f, source))
	}
}
