package highlight

import (
	"fmt"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// Extension highlights fenced code blocks. Add it with
// goldmark.WithExtensions(highlight.Extension).
var Extension goldmark.Extender = extender{}

type extender struct{}

// Extend registers the code block renderer ahead of goldmark's default
// (priority 1000), which a lower number overrides.
func (extender) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(nodeRenderer{}, 200)))
}

// formatter writes classes, never inline styles: the pages are meant to run
// under a Content-Security-Policy without 'unsafe-inline'.
var formatter = chromahtml.New(chromahtml.WithClasses(true), chromahtml.WithPreWrapper(scrollable{}))

// scrollable is chroma's usual <pre><code> wrapper with tabindex, so a
// keyboard user can scroll a block wider than the page.
type scrollable struct{}

func (scrollable) Start(code bool, styleAttr string) string {
	return fmt.Sprintf(`<pre%s tabindex="0"><code>`, styleAttr)
}

func (scrollable) End(code bool) string { return "</code></pre>" }

type nodeRenderer struct{}

func (nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, render)
}

func render(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	if err := Code(w, string(n.Language(source)), string(n.Lines().Value(source))); err != nil {
		return ast.WalkStop, err
	}
	return ast.WalkSkipChildren, nil
}

// Code writes code in the given language as a highlighted block, as fenced
// code is written; other extensions that show code use it too.
func Code(w util.BufWriter, lang, code string) error {
	it, err := chroma.Coalesce(lexer(lang)).Tokenise(nil, code)
	if err != nil {
		return err
	}
	// With classes, the style only names the mode; the colours are in CSS.
	if err := formatter.Format(w, light, it); err != nil {
		return err
	}
	return w.WriteByte('\n')
}

// lexer finds chroma's lexer for a fence's language, or the plain text one.
// An empty name is not looked up: chroma would guess from it as a file name.
func lexer(lang string) chroma.Lexer {
	if lang != "" {
		if l := lexers.Get(lang); l != nil {
			return l
		}
	}
	return lexers.Fallback
}
