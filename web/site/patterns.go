package site

import (
	"html/template"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"github.com/concurrency-patterns/playground/web/playground"
)

// The index's list of the patterns is the site's map and its reading
// order: the first list of the index whose every item opens with a link
// to a page with a demo. The build draws each item's picture (the still
// of that page's first demo) into it, and gives each page it lists
// previous and next links in its order and the list of them all.

// mapClass is the class of the index's list once it is the map.
const mapClass = "pattern-map"

// readingOrder finds the index's list of the patterns and returns it with
// the pages it lists, in order; nil when the index has none.
func readingOrder(index *page, byOut map[string]*page) (*ast.List, []*page) {
	var found *ast.List
	var order []*page
	_ = ast.Walk(index.doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		list, ok := n.(*ast.List)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		var pages []*page
		for item := list.FirstChild(); item != nil; item = item.NextSibling() {
			p := linkedDemo(item, byOut)
			if p == nil {
				return ast.WalkSkipChildren, nil
			}
			pages = append(pages, p)
		}
		if len(pages) > 0 {
			found, order = list, pages
			return ast.WalkStop, nil
		}
		return ast.WalkSkipChildren, nil
	})
	return found, order
}

// linkedDemo is the page with a demo that a list item's first link, its
// first words, points to; nil when it opens otherwise.
func linkedDemo(item ast.Node, byOut map[string]*page) *page {
	block := item.FirstChild()
	if block == nil {
		return nil
	}
	link, ok := block.FirstChild().(*ast.Link)
	if !ok {
		return nil
	}
	p := byOut[string(link.Destination)]
	if p == nil || p.first == nil {
		return nil
	}
	return p
}

// drawMap makes list the map: each item gets the picture of its page's
// first demo, which links to the page too.
func drawMap(list *ast.List, order []*page, paint playground.Painter) error {
	list.SetAttributeString("class", []byte(mapClass))
	item := list.FirstChild()
	for _, p := range order {
		pic, err := paint(p.first.Scenario, p.first.Values)
		if err != nil {
			return err
		}
		item.InsertBefore(item, item.FirstChild(), &mapPicture{Href: p.out, Picture: pic})
		item = item.NextSibling()
	}
	return nil
}

// kindMapPicture is the kind of a [mapPicture].
var kindMapPicture = ast.NewNodeKind("MapPicture")

// mapPicture is the picture of a pattern on the map.
type mapPicture struct {
	ast.BaseBlock
	Href    string
	Picture *playground.Picture
}

func (n *mapPicture) Kind() ast.NodeKind { return kindMapPicture }

func (n *mapPicture) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Href": n.Href}, nil)
}

var mapPictureHTML = template.Must(template.New("map").Parse(
	`<a class="pattern-map-picture" href="{{.Href}}" tabindex="-1" aria-hidden="true">{{.Picture.Narrow}}</a>`))

// mapRenderer writes a [mapPicture]: the phone's drawing, which suits a
// card, as a link that screen readers and the keyboard skip, since the
// item's own link goes to the same page.
type mapRenderer struct{}

func (mapRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindMapPicture, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			return ast.WalkSkipChildren, mapPictureHTML.Execute(w, node.(*mapPicture))
		}
		return ast.WalkContinue, nil
	})
}

// nav is what a page of the reading order links to: the pages before and
// after it, and every page of the order.
type nav struct {
	Prev, Next *navLink
	All        []navLink
}

type navLink struct {
	Href, Title string
	Current     bool
}

// navFor returns the links of the order's page at i; for a page outside
// the order, i is -1.
func navFor(order []*page, i int) *nav {
	n := &nav{}
	for j, p := range order {
		n.All = append(n.All, navLink{Href: p.out, Title: p.title, Current: j == i})
	}
	if i < 0 {
		return n
	}
	if i > 0 {
		n.Prev = &n.All[i-1]
	}
	if i+1 < len(order) {
		n.Next = &n.All[i+1]
	}
	return n
}
