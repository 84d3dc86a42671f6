package site

import (
	"bytes"
	"embed"
	"errors"
	"html"
	"html/template"
	"io"
	"slices"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/concurrency-patterns/playground/web/playground"
	"github.com/concurrency-patterns/playground/web/policy"
	"github.com/concurrency-patterns/playground/web/reviewer"
)

// Name is the site's name, in every page's header and title.
const Name = "Concurrency patterns playground"

//go:embed templates
var templates embed.FS

var (
	layout    = template.Must(template.ParseFS(templates, "templates/page.html"))
	embedPage = template.Must(template.ParseFS(templates, "templates/embed.html"))
)

// page is one markdown file, parsed.
type page struct {
	file     string // the markdown file, as named in messages
	out      string // the HTML file it becomes
	src      []byte
	doc      ast.Node
	title    string           // the text of its level-1 heading
	demos    []string         // the scenarios of its playgrounds, sorted, once each
	first    *playground.Node // its first demo; nil without one
	nav      *nav             // its place in the reading order; nil outside it
	reviewer bool             // it holds the reviewer's form, which loads a build of its own
}

// parse reads a page's structure; rendering comes later, once every page's
// links have been checked against the whole site.
func parse(md goldmark.Markdown, file, out string, src []byte) (*page, error) {
	p := &page{file: file, out: out, src: src, doc: md.Parser().Parse(text.NewReader(src))}
	_ = ast.Walk(p.doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			if n.Level == 1 && p.title == "" {
				p.title = plainText(n, src)
			}
		case *playground.Node:
			if n.Scenario != nil && p.first == nil {
				p.first = n
			}
			if n.Scenario != nil && !slices.Contains(p.demos, n.Scenario.Name) {
				p.demos = append(p.demos, n.Scenario.Name)
			}
		}
		return ast.WalkContinue, nil
	})
	if p.title == "" {
		return nil, errors.New("no level-1 heading (# Title) to name the page")
	}
	slices.Sort(p.demos)
	p.reviewer = reviewer.Has(p.doc)
	return p, nil
}

// plainText is the text of an inline tree without its markup, for the
// <title> element. Entities are decoded: the source may spell one, and the
// typographer writes its quotes and dashes as entities.
func plainText(n ast.Node, src []byte) string {
	var b bytes.Buffer
	_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch n := n.(type) {
			case *ast.Text:
				b.Write(n.Value(src))
			case *ast.String:
				b.Write(n.Value)
			}
		}
		return ast.WalkContinue, nil
	})
	return html.UnescapeString(b.String())
}

// view is what the page template shows.
type view struct {
	Title, SiteName string
	CSP             string        // for the meta tag; see package policy
	Body            template.HTML // rendered by goldmark, which escapes the text
	Wasm            string        // the page's WebAssembly build; empty without a demo
	Nav             *nav          // nil for a page outside the reading order
	ReviewerWasm    string        // the reviewer's build, on the page with its form
	Replay          bool          // the replay page: its demo shows a trace file the reader opens
}

// replayPage is the page whose demo replays a trace file (see wasm/replay.go).
const replayPage = "replay.html"

// render writes the complete HTML page.
func (p *page) render(md goldmark.Markdown, w io.Writer) error {
	var body bytes.Buffer
	if err := md.Renderer().Render(&body, p.src, p.doc); err != nil {
		return err
	}
	title := p.title
	if title != Name {
		title += " · " + Name
	}
	return layout.Execute(w, view{
		Title:        title,
		SiteName:     Name,
		Body:         template.HTML(body.String()),
		CSP:          policy.CSP,
		Wasm:         wasmFor(p.demos),
		Nav:          p.nav,
		ReviewerWasm: reviewerWasm(p),
		Replay:       p.out == replayPage,
	})
}

func reviewerWasm(p *page) string {
	if !p.reviewer {
		return ""
	}
	return reviewer.Wasm
}
