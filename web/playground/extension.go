package playground

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// Extension turns playground fences into demo mount points. Add it with
// goldmark.WithExtensions(playground.Extension).
var Extension goldmark.Extender = extender{}

type extender struct{}

// Extend registers the fence transformer and the mount point renderer.
func (extender) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(transformer{}, 100)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(nodeRenderer{}, 100)))
}
