// Package reviewer is a goldmark extension for the reviewer page: a
// fence whose info string is "reviewer" becomes the form where a reader
// pastes Go code, prefilled with the fence's text as the example.
//
//	```reviewer
//	package orders
//	…
//	```
//
// The example is checked when the site is built and the page shows its
// findings as it arrives, script or not. The reviewer's build
// (cmd/reviewwasm) and reviewer.js check the reader's edits; the page
// fetches that build on the first edit or press of Check, so reading the
// page costs no download of the type checker. A page with such a fence
// loads reviewer.js: see [Has].
package reviewer

import (
	_ "embed"
	"html/template"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Wasm is the reviewer's WebAssembly build, as the Makefile names it.
const Wasm = "reviewer.wasm"

// Extension turns reviewer fences into the reviewer's form.
var Extension goldmark.Extender = extender{}

// KindReviewer is the kind of a [Node].
var KindReviewer = ast.NewNodeKind("Reviewer")

// Node is a reviewer fence: the form, with its example code.
type Node struct {
	ast.BaseBlock
	Example string
}

// Kind implements [ast.Node].
func (n *Node) Kind() ast.NodeKind { return KindReviewer }

// Dump implements [ast.Node].
func (n *Node) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// Has reports whether a parsed page holds a reviewer form.
func Has(doc ast.Node) bool {
	found := false
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if _, ok := n.(*Node); ok {
			found = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

type extender struct{}

func (extender) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(transformer{}, 100)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(nodeRenderer{}, 100)))
}

type transformer struct{}

func (transformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	var fences []*ast.FencedCodeBlock
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if f, ok := n.(*ast.FencedCodeBlock); ok && entering && f.Info != nil && string(f.Language(src)) == "reviewer" {
			fences = append(fences, f)
		}
		return ast.WalkContinue, nil
	})
	for _, f := range fences { // replaced after the walk, which would skip siblings
		var b strings.Builder
		for i := 0; i < f.Lines().Len(); i++ {
			seg := f.Lines().At(i)
			b.Write(seg.Value(src))
		}
		f.Parent().ReplaceChild(f.Parent(), f, &Node{Example: b.String()})
	}
}

//go:embed form.html
var formHTML string

var form = template.Must(template.New("reviewer").Parse(formHTML))

type nodeRenderer struct{}

func (nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindReviewer, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		example := n.(*Node).Example
		c, err := check(example)
		if err != nil {
			return ast.WalkStop, err
		}
		return ast.WalkSkipChildren, form.Execute(w, struct {
			Example string
			Checked checked
		}{example, c})
	})
}
