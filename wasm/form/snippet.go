package form

import (
	"html"
	"net/url"
	"strings"

	"github.com/concurrency-patterns/playground/patterns/scenario"
)

// EmbedURL is the address of the embed page showing scenario s with the
// values of v that differ from its defaults; base is the site's folder
// URL, ending in "/".
func EmbedURL(base string, s *scenario.Scenario, v scenario.Values) string {
	q := url.Values{PatternParam: {s.Name}}
	set, _ := QueryUpdate(s, v, nil)
	for name, value := range set {
		q.Set(name, value)
	}
	return base + "embed.html?" + q.Encode() // Encode sorts: the same values, the same URL
}

// Snippet is the HTML a docs page pastes to embed scenario s with the
// values of v: embed.js, and an element it turns into the demo, holding a
// plain link for readers without JavaScript. Only values that differ from
// the defaults are written, in the scenario's order. It is text for the
// reader to copy, never markup for this page; every value is escaped for
// its attribute all the same.
func Snippet(base string, s *scenario.Scenario, v scenario.Values) string {
	set, _ := QueryUpdate(s, v, nil)
	var b strings.Builder
	b.WriteString(`<script src="` + html.EscapeString(base+"embed.js") + `" defer></script>` + "\n")
	b.WriteString(`<div data-playground="` + html.EscapeString(s.Name) + `"`)
	for _, p := range s.Params {
		if value, ok := set[p.Name]; ok {
			b.WriteString(" data-" + p.Name + `="` + html.EscapeString(value) + `"`)
		}
	}
	b.WriteString(">\n  <a href=\"" + html.EscapeString(EmbedURL(base, s, v)) + `">` +
		html.EscapeString("Live demo: "+s.Title) + "</a>\n</div>\n")
	return b.String()
}
