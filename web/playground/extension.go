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

// WithPictures is [Extension] with a still picture of each demo's run in
// its fallback, drawn by paint: the reader sees the demo's picture while
// its WebAssembly loads, and without JavaScript.
func WithPictures(paint Painter) goldmark.Extender { return extender{paint: paint} }

type extender struct{ paint Painter }

// Extend registers the fence transformer and the mount point renderer.
func (e extender) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(transformer{}, 100)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(nodeRenderer{paint: e.paint}, 100)))
}
