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
	var first *Node
	for _, f := range fences {
		parent := f.Parent()
		n := newNode(f, source)
		if first == nil {
			first = n
		}
		parent.ReplaceChild(parent, f, n)
	}
	replaceTries(doc, source, first)
}

// replaceTries turns every guided moment's link into a [Try] of the page's
// first demo, the link's text its children.
func replaceTries(doc *ast.Document, source []byte, first *Node) {
	var links []*ast.Link
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*ast.Link); ok && entering && isTry(l) {
			links = append(links, l)
		}
		return ast.WalkContinue, nil
	})
	for _, l := range links {
		t := newTry(l, source, first)
		for c := l.FirstChild(); c != nil; c = l.FirstChild() {
			t.AppendChild(t, c)
		}
		l.Parent().ReplaceChild(l.Parent(), l, t)
	}
}
