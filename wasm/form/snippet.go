package form

import (
	"sort"
	"strings"

	"github.com/concurrency-patterns/playground/internal/scenario"
)

// EmbedURL is the address of the embed page showing scenario s with the
// values of v that differ from its defaults; base is the site's folder
// URL, ending in "/".
func EmbedURL(base string, s *scenario.Scenario, v scenario.Values) string {
	set, _ := QueryUpdate(s, v, nil)
	set[PatternParam] = s.Name
	names := make([]string, 0, len(set))
	for name := range set {
		names = append(names, name)
	}
	sort.Strings(names) // not slices.Sort: sort is in the wasm already, a new instance of pdqsort is not
	var q []string
	for _, name := range names { // sorted: the same values, the same URL
		q = append(q, queryEscape(name)+"="+queryEscape(set[name]))
	}
	return base + "embed.html?" + strings.Join(q, "&")
}

// queryEscape percent-encodes every byte but the unreserved ones, as
// url.QueryEscape would for the canonical values a valid parameter has.
// The wasm does without net/url, which would cost it 30 kB compressed.
func queryEscape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-_.~", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteString("%" + string("0123456789ABCDEF"[c>>4]) + string("0123456789ABCDEF"[c&15]))
	}
	return b.String()
}

// escapeHTML escapes text for an HTML attribute or element, as
// html.EscapeString does. By hand: the html package would bring its table
// of entities into the wasm, and strings.Replacer every replacer kind.
func escapeHTML(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&#34;")
		case '\'':
			b.WriteString("&#39;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
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
	b.WriteString(`<script src="` + escapeHTML(base+"embed.js") + `" defer></script>` + "\n")
	b.WriteString(`<div data-playground="` + escapeHTML(s.Name) + `"`)
	for _, p := range s.Params {
		if value, ok := set[p.Name]; ok {
			b.WriteString(" data-" + p.Name + `="` + escapeHTML(value) + `"`)
		}
	}
	b.WriteString(">\n  <a href=\"" + escapeHTML(EmbedURL(base, s, v)) + `">` +
		escapeHTML("Live demo: "+s.Title) + "</a>\n</div>\n")
	return b.String()
}
