package picture_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/web/picture"
)

func TestWriteSVG(t *testing.T) {
	p := view.Plan{W: 120, H: 40.004}
	p.Fill(view.RoleTrack, view.Rect{X: 0, Y: 0, W: 120, H: 10})
	p.Fill(view.RoleOK, view.Rect{X: 1.234, Y: 2, W: 3, H: 4})
	p.Fill(view.RoleOK, view.Rect{X: 10, Y: 2, W: 3, H: 4})
	p.Shade(view.RoleRunning, 0.5, view.Rect{X: -0.001, Y: 20, W: 6, H: 2})
	p.Line(view.RoleCrashed, []float64{0, 30, 60, 35.5})
	p.Text(view.Text{X: 4, Y: 8, S: "<b>&</b>", Role: view.RoleMuted, Font: view.FontCaption})
	p.Text(view.Text{X: 116, Y: 30, S: "9 ms", Role: view.RoleText, Font: view.FontClock, Align: view.AlignRight})
	var b strings.Builder
	require.NoError(t, picture.WriteSVG(&b, p, "pg-picture", `a "run"`))
	assert.Equal(t, `<svg class="pg-picture" viewBox="0 0 120 40" width="120" height="40" role="img" aria-label="a &#34;run&#34;">`+
		`<path class="pg-fill-track" d="M0 0h120v10h-120z"/>`+
		`<path class="pg-fill-ok" d="M1.23 2h3v4h-3zM10 2h3v4h-3z"/>`+
		`<path class="pg-fill-running" fill-opacity="0.5" d="M0 20h6v2h-6z"/>`+
		`<polyline class="pg-line-crashed" points="0,30 60,35.5"/>`+
		`<text class="pg-caption pg-text-muted" x="4" y="8">&lt;b&gt;&amp;&lt;/b&gt;</text>`+
		`<text class="pg-clock pg-text-text" x="116" y="30" text-anchor="end">9 ms</text>`+
		`</svg>`, b.String(), "one path a role, as the canvas fills them; text escaped; a hundredth of a pixel at most")
}

// TestStylesheetHasEveryClass: every class a picture can use is in
// picture.css, so no role or font draws in the browser's default black.
func TestStylesheetHasEveryClass(t *testing.T) {
	css := readStatic(t, "picture.css")
	has := func(pattern string) bool { return regexp.MustCompile(pattern).MatchString(css) }
	for r := range view.RoleCount {
		for _, prefix := range []string{"pg-fill-", "pg-text-", "pg-line-", "pg-key-"} {
			assert.True(t, has(`\.`+prefix+r.String()+`[ ,]`), "picture.css styles .%s%s", prefix, r)
		}
		assert.True(t, has(`--pg-`+r.String()+`:`), "picture.css defines the colour of %s", r)
	}
	for _, f := range []string{"caption", "label", "clock"} {
		assert.True(t, has(`\.pg-`+f+` \{`), "picture.css sets the %s font", f)
	}
}

// TestStylesheetHoldsThePalettes: the colours picture.css gives the roles,
// light and dark, are view.Light's and view.Dark's, which the palette's
// tests hold to being told apart; the backgrounds too.
func TestStylesheetHoldsThePalettes(t *testing.T) {
	css := readStatic(t, "picture.css")
	dark := strings.Index(css, "prefers-color-scheme: dark")
	require.Positive(t, dark)
	for _, th := range []struct {
		name    string
		block   string
		palette view.Palette
		bg      string
	}{{"light", css[:dark], view.Light, view.LightBackground}, {"dark", css[dark:], view.Dark, view.DarkBackground}} {
		value := func(name string) string {
			m := regexp.MustCompile(`--pg-` + name + `: (#[0-9a-f]{6});`).FindStringSubmatch(th.block)
			if m == nil {
				return ""
			}
			return m[1]
		}
		for r := range view.RoleCount {
			assert.Equal(t, th.palette[r], value(r.String()), "%s: --pg-%s", th.name, r)
		}
		assert.Equal(t, th.bg, value("bg"), "%s: the background", th.name)
	}
}
