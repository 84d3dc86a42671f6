package highlight

import (
	"bufio"
	"fmt"
	"io"
	"slices"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/styles"
)

var (
	light = styles.Get("github")
	dark  = styles.Get("github-dark")
)

// CSS writes the rules for highlighted code: the light theme, then the dark
// one inside @media (prefers-color-scheme: dark).
//
// chroma's own CSS leaves out tokens a theme draws as plain text, so a
// keyword that is red in the light theme would stay red in a dark theme that
// leaves keywords plain. Here every token either theme colours gets a
// complete rule in both.
func CSS(w io.Writer) error {
	bw := bufio.NewWriter(w)
	types := styled(light, dark)
	fmt.Fprintln(bw, "/* Highlighted code: chroma's github and github-dark styles. */")
	rules(bw, light, types, "")
	fmt.Fprintln(bw, "@media (prefers-color-scheme: dark) {")
	rules(bw, dark, types, "  ")
	fmt.Fprintln(bw, "}")
	return bw.Flush()
}

// rules writes one theme's rules, each line indented by indent.
func rules(w io.Writer, s *chroma.Style, types []chroma.TokenType, indent string) {
	bg := s.Get(chroma.Background)
	fmt.Fprintf(w, "%s.chroma { color: %s; background-color: %s; }\n", indent, colour(bg.Colour), colour(bg.Background))
	for _, t := range types {
		fmt.Fprintf(w, "%s.chroma .%s { %s }\n", indent, chroma.StandardTypes[t], declarations(s.Get(t), bg))
	}
}

// declarations spells out every property a token rule sets, so that the dark
// rules fully replace the light ones.
func declarations(e, bg chroma.StyleEntry) string {
	weight, style, decoration, background := "normal", "normal", "none", "transparent"
	if e.Bold == chroma.Yes {
		weight = "bold"
	}
	if e.Italic == chroma.Yes {
		style = "italic"
	}
	if e.Underline == chroma.Yes {
		decoration = "underline"
	}
	if e.Background != bg.Background {
		background = colour(e.Background)
	}
	return fmt.Sprintf("color: %s; background-color: %s; font-weight: %s; font-style: %s; text-decoration: %s;",
		colour(e.Colour), background, weight, style, decoration)
}

// colour writes a style's colour, or inherit where the style sets none.
func colour(c chroma.Colour) string {
	if !c.IsSet() {
		return "inherit"
	}
	return c.String()
}

// styled lists, in a fixed order, the token types that either style draws
// differently from its plain text.
func styled(styles ...*chroma.Style) []chroma.TokenType {
	var out []chroma.TokenType
	for t, class := range chroma.StandardTypes {
		if class == "" || !isToken(t) {
			continue
		}
		for _, s := range styles {
			if !plain(s.Get(t), s.Get(chroma.Background)) {
				out = append(out, t)
				break
			}
		}
	}
	slices.Sort(out)
	return out
}

// isToken reports whether t is a kind of source text rather than a part of
// the markup chroma wraps around it (lines, line numbers, the background).
func isToken(t chroma.TokenType) bool {
	return t >= 0 || t == chroma.Error
}

func plain(e, bg chroma.StyleEntry) bool {
	return e.Colour == bg.Colour && e.Background == bg.Background &&
		e.Bold != chroma.Yes && e.Italic != chroma.Yes && e.Underline != chroma.Yes
}
