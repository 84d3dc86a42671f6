package view

import "unicode/utf8"

// captionEm is about how wide a character of the caption font (12 px
// system-ui) runs, in CSS pixels: enough to pick a text that fits.
const captionEm = 6.4

// Fit returns the first of forms, longest first, that fits in width
// pixels of the caption font, or the last when none does: phones get the
// short words, never clipped ones.
func Fit(width float64, forms ...string) string {
	for _, s := range forms {
		if float64(utf8.RuneCountInString(s))*captionEm <= width {
			return s
		}
	}
	return forms[len(forms)-1]
}
