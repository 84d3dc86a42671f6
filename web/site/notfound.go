package site

import (
	"bytes"
	"html/template"

	"github.com/concurrency-patterns/playground/web/policy"
)

// notFoundHTML is the page a host serves, with status 404, for a path the
// site does not have: GitHub Pages looks for it by this name, and so does
// serve/. A content/404.md, if there is one, is used instead.
const notFoundHTML = "404.html"

// notFoundBody lists every page by its title, index first, so a reader who
// followed a stale link goes on from here. The links are relative, as
// every URL of the site: they hold for any path at the site's top, where
// every page lives; a host that serves this page for a deeper path shows it
// without its styles, its text and links still there to read.
var notFoundBody = template.Must(template.New("404").Parse(`<h1>No page here</h1>
<p>The playground has no page at this address: the link may be mistyped, or
the page may have moved. These are the pages it has:</p>
<ul class="not-found-pages">
{{- range .}}
<li><a href="{{.Out}}">{{.Title}}</a></li>
{{- end}}
</ul>
`))

type pageLink struct{ Out, Title string }

// renderNotFound writes 404.html in the layout of every page.
func renderNotFound(pages []*page) ([]byte, error) {
	var links []pageLink
	for _, p := range pages {
		l := pageLink{p.out, p.title}
		if p.out == "index.html" {
			links = append([]pageLink{l}, links...)
		} else {
			links = append(links, l)
		}
	}
	var body bytes.Buffer
	if err := notFoundBody.Execute(&body, links); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	err := layout.Execute(&b, view{
		Title:    "No page here · " + Name,
		SiteName: Name,
		Body:     template.HTML(body.String()),
		CSP:      policy.CSP,
	})
	return b.Bytes(), err
}
