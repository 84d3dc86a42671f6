package view

// Font sizes of the plan's text styles, in CSS pixels; the drawers map
// each Font to a CSS font of this size.
var fontPx = [...]float64{FontCaption: 12, FontLabel: 10, FontClock: 15}

// monoEm is how wide a character of a monospace font runs, in em.
const monoEm = 0.61

// TextWidth estimates how wide s runs in font f, in CSS pixels. The
// caption font is a system sans-serif whose width varies by platform;
// the estimate takes the widths of DejaVu Sans, the widest of the common
// ones (and Chromium's on Linux), so that a text judged to fit does fit
// elsewhere too.
func TextWidth(s string, f Font) float64 {
	px := fontPx[f]
	if f != FontCaption {
		n := 0
		for range s {
			n++
		}
		return float64(n) * monoEm * px
	}
	em := 0.0
	for _, r := range s {
		em += runeEm(r)
	}
	return em * px
}

// runeEm is about how wide a character of the caption font runs, in em,
// rounded up within its class.
func runeEm(r rune) float64 {
	switch {
	case r == ' ' || r == '.' || r == ',' || r == ':' || r == ';' || r == 'i' || r == 'j' || r == 'l' ||
		r == '!' || r == '|' || r == '\'' || r == '·':
		return 0.33
	case r == 'f' || r == 't' || r == 'r' || r == '(' || r == ')' || r == '[' || r == ']' || r == '-' || r == '/':
		return 0.42
	case r == 'm':
		return 0.98
	case r == 'w':
		return 0.82
	case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		return 0.64
	case r == 'M' || r == 'W' || r == '%' || r == '…':
		return 1.0
	case r >= 'A' && r <= 'Z':
		return 0.76
	}
	return 0.84 // #, ×, arrows and other symbols
}

// Extent is where a text runs horizontally, by its estimated width and
// alignment.
func (t Text) Extent() (left, right float64) {
	w := TextWidth(t.S, t.Font)
	switch t.Align {
	case AlignRight:
		return t.X - w, t.X
	case AlignCenter:
		return t.X - w/2, t.X + w/2
	}
	return t.X, t.X + w
}

// Overflow lists the texts of p that run past its left or right edge:
// text a reader would see cut.
func (p *Plan) Overflow() []Text {
	var out []Text
	for _, t := range p.Texts {
		if l, r := t.Extent(); l < 0 || r > p.W {
			out = append(out, t)
		}
	}
	return out
}

// Fit returns the first of forms, longest first, that fits in width
// pixels of the caption font, or the last when none does: phones get the
// short words, never clipped ones.
func Fit(width float64, forms ...string) string { return FitFont(FontCaption, width, forms...) }

// FitFont is [Fit] in font f.
func FitFont(f Font, width float64, forms ...string) string {
	for _, s := range forms {
		if TextWidth(s, f) <= width {
			return s
		}
	}
	return forms[len(forms)-1]
}
