package highlight_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark"

	"github.com/concurrency-patterns/playground/web/highlight"
)

func convert(t *testing.T, src string) string {
	t.Helper()
	var out bytes.Buffer
	require.NoError(t, goldmark.New(goldmark.WithExtensions(highlight.Extension)).Convert([]byte(src), &out))
	return out.String()
}

func TestRender(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		contains []string
	}{
		{
			name: "go is tokenised into classes",
			src:  "```go\nfunc main() {}\n```\n",
			contains: []string{
				`<pre class="chroma" tabindex="0"><code>`,
				`<span class="kd">func</span>`,
				`<span class="nf">main</span>`,
			},
		},
		{
			name:     "code is escaped",
			src:      "```go\ns := \"<b>&\"\n```\n",
			contains: []string{`&lt;b&gt;&amp;`},
		},
		{
			name:     "no language is plain text in the same markup",
			src:      "```\n<plain>\n```\n",
			contains: []string{`<pre class="chroma" tabindex="0"><code><span class="line"><span class="cl">&lt;plain&gt;`},
		},
		{
			name:     "an unknown language is plain text",
			src:      "```no-such-language\nx := 1\n```\n",
			contains: []string{`<span class="cl">x := 1`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := convert(t, tt.src)
			for _, want := range tt.contains {
				assert.Contains(t, got, want)
			}
			assert.NotContains(t, got, "style=", "inline styles would need 'unsafe-inline' in a CSP")
		})
	}
}

// TestCSSThemes checks that the dark theme restyles every token the light
// one styles, so no light colour leaks into dark mode.
func TestCSSThemes(t *testing.T) {
	var out strings.Builder
	require.NoError(t, highlight.CSS(&out))
	css := out.String()
	lightPart, darkPart, ok := strings.Cut(css, "@media (prefers-color-scheme: dark) {")
	require.True(t, ok, "no dark theme in:\n%s", css)

	selectors := regexp.MustCompile(`(?m)^\s*(\.chroma[^{]*)\{`)
	list := func(s string) []string {
		var out []string
		for _, m := range selectors.FindAllStringSubmatch(s, -1) {
			out = append(out, strings.TrimSpace(m[1]))
		}
		return out
	}
	light, dark := list(lightPart), list(darkPart)
	assert.Contains(t, light, ".chroma .kd")
	assert.Contains(t, light, ".chroma .c1")
	assert.Equal(t, light, dark)
	assert.NotRegexp(t, `#-`, css, "an unset chroma colour was written as a colour")
}
