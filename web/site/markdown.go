package site

import (
	"io/fs"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"github.com/concurrency-patterns/playground/web/highlight"
	"github.com/concurrency-patterns/playground/web/playground"
	"github.com/concurrency-patterns/playground/web/reviewer"
	"github.com/concurrency-patterns/playground/web/source"
)

// newMarkdown configures goldmark for the pages: GitHub's tables and
// strikethrough, typographic quotes and dashes, heading ids for links into
// a page, highlighted code, playground fences and the reviewer's form. Raw HTML in the markdown
// is left out (goldmark's default), so the template alone decides the
// markup around the text. Source fences read Go files from code; paint
// draws the still picture in each demo's fallback.
func newMarkdown(code fs.FS, paint playground.Painter) goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(
			extension.Table,
			extension.Strikethrough,
			extension.Typographer,
			highlight.Extension,
			playground.WithPictures(paint),
			reviewer.Extension,
			source.Extension(code),
		),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(mapRenderer{}, 100))),
	)
}
