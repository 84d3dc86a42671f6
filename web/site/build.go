package site

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/yuin/goldmark"

	"github.com/concurrency-patterns/playground/web/playground"
)

// Config says where a build reads and writes.
type Config struct {
	// Content holds the pages: the *.md files at its top level.
	Content fs.FS
	// ContentDir names Content in error messages, e.g. "content".
	ContentDir string
	// Static holds the assets copied beside the pages; it must have
	// style.css and favicon.svg, which every page links to.
	Static fs.FS
	// Code is the repository the pages' go-source fences read Go files
	// from; nil when the pages show no source.
	Code fs.FS
	// Out is the folder the site is written to, created when missing.
	// Files already there are overwritten, others are left alone: the
	// WebAssembly build goes into the same folder, and the service worker
	// lists every file there (see [Finish]).
	Out string
}

// Build renders every page and copies the static assets. It checks the
// whole site before writing anything, so a failed build leaves Out as it
// was. Errors name the markdown file and, for a playground fence, the line.
func Build(c Config) error {
	pics := pictures{}
	md := newMarkdown(c.Code, pics.paint)
	pages, err := readPages(c, md)
	if err != nil {
		return err
	}
	if err := orderPages(pages, pics.paint); err != nil {
		return err
	}
	static, err := staticFiles(c.Static)
	if err != nil {
		return err
	}
	files := map[string]bool{}
	for _, f := range static {
		files[f] = true
	}
	for _, p := range pages {
		files[p.out] = true
	}
	for _, p := range pages {
		if err := checkLinks(p, files); err != nil {
			return fmt.Errorf("%s: %w", p.file, err)
		}
	}

	// Render every page before writing any, for the same reason.
	out := make(map[string][]byte, len(pages))
	for _, p := range pages {
		var b bytes.Buffer
		if err := p.render(md, &b); err != nil {
			return fmt.Errorf("%s: %w", p.file, err)
		}
		out[p.out] = b.Bytes()
	}
	if out[embedHTML], err = renderEmbed(pages); err != nil {
		return err
	}
	if _, own := out[notFoundHTML]; !own {
		if out[notFoundHTML], err = renderNotFound(pages); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(c.Out, 0o755); err != nil {
		return err
	}
	for name, data := range out {
		if err := os.WriteFile(filepath.Join(c.Out, name), data, 0o644); err != nil {
			return err
		}
	}
	return copyStatic(c.Static, static, c.Out)
}

// orderPages finds the reading order on the index, draws the index's map
// and gives each page of the order its links, and every other page but
// the index the list of the patterns.
func orderPages(pages []*page, paint playground.Painter) error {
	byOut := map[string]*page{}
	for _, p := range pages {
		byOut[p.out] = p
	}
	index := byOut["index.html"]
	list, order := readingOrder(index, byOut)
	if list == nil {
		return nil
	}
	if err := drawMap(list, order, paint); err != nil {
		return fmt.Errorf("%s: the map of the patterns: %w", index.file, err)
	}
	for i, p := range order {
		p.nav = navFor(order, i)
	}
	for _, p := range pages {
		if p.nav == nil && p != index {
			p.nav = navFor(order, -1) // not a pattern: the list alone
		}
	}
	return nil
}

// readPages parses every page. The site must have an index: every page's
// header links to it.
func readPages(c Config, md goldmark.Markdown) ([]*page, error) {
	names, err := fs.Glob(c.Content, "*.md")
	if err != nil {
		return nil, err
	}
	var pages []*page
	hasIndex := false
	for _, name := range names {
		file := path.Join(filepath.ToSlash(c.ContentDir), name)
		src, err := fs.ReadFile(c.Content, name)
		if err != nil {
			return nil, err
		}
		out := strings.TrimSuffix(name, ".md") + ".html"
		hasIndex = hasIndex || out == "index.html"
		p, err := parse(md, file, out, src)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		pages = append(pages, p)
	}
	if !hasIndex {
		return nil, errors.New(c.ContentDir + ": no index.md; every page's header links to index.html")
	}
	return pages, nil
}
