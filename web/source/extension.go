package source

import (
	"fmt"
	"io/fs"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/concurrency-patterns/playground/web/highlight"
)

// info is the word that opens a source fence's info string.
const info = "go-source"

// KindSource is the kind of a [Node].
var KindSource = ast.NewNodeKind("Source")

// Node is a source fence after parsing: the code it shows, or why it
// cannot show any.
type Node struct {
	ast.BaseBlock
	Ref  string // PATH#NAME, as written
	Code string
	Err  error
}

func (n *Node) Kind() ast.NodeKind { return KindSource }

func (n *Node) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Ref": n.Ref}, nil)
}

// Extension returns the extender that resolves source fences against root,
// the folder the paths are relative to.
func Extension(root fs.FS) goldmark.Extender { return extender{root} }

type extender struct{ root fs.FS }

func (e extender) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(transformer(e), 100)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(nodeRenderer{}, 100)))
}

type transformer struct{ root fs.FS }

func (t transformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	source := reader.Source()
	var fences []*ast.FencedCodeBlock
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if f, ok := n.(*ast.FencedCodeBlock); ok && entering && string(f.Language(source)) == info {
			fences = append(fences, f)
		}
		return ast.WalkContinue, nil
	})
	for _, f := range fences { // replaced after the walk, which a change would derail
		f.Parent().ReplaceChild(f.Parent(), f, t.resolve(f, source))
	}
}

func (t transformer) resolve(f *ast.FencedCodeBlock, source []byte) *Node {
	words := strings.Fields(string(f.Info.Segment.Value(source)))
	if len(words) != 2 {
		return &Node{Err: fmt.Errorf("%s fence: want `%s PATH#NAME`, got %q", info, info, strings.Join(words, " "))}
	}
	ref := words[1]
	path, name, ok := strings.Cut(ref, "#")
	if !ok || path == "" || name == "" {
		return &Node{Ref: ref, Err: fmt.Errorf("%s %s: want PATH#NAME", info, ref)}
	}
	if t.root == nil {
		return &Node{Ref: ref, Err: fmt.Errorf("%s %s: the site was built without a code folder", info, ref)}
	}
	code, err := Find(t.root, path, name)
	if err != nil {
		return &Node{Ref: ref, Err: fmt.Errorf("%s %s: %w", info, ref, err)}
	}
	return &Node{Ref: ref, Code: code}
}

type nodeRenderer struct{}

func (nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindSource, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		n := node.(*Node)
		if !entering {
			return ast.WalkContinue, nil
		}
		if n.Err != nil {
			return ast.WalkStop, n.Err
		}
		return ast.WalkSkipChildren, highlight.Code(w, "go", n.Code)
	})
}
