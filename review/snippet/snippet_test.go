package snippet_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/concurrency-patterns/playground/review"
	"github.com/concurrency-patterns/playground/review/snippet"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The example has one finding per review question, each on its own line,
// and calls into a package the page knows nothing of.
func TestExample(t *testing.T) {
	src, err := os.ReadFile("testdata/example.go")
	require.NoError(t, err)
	r := snippet.Check(string(src))
	require.Empty(t, r.Problem)
	require.Empty(t, r.Failed)
	type at struct {
		Line     int
		Question string
	}
	var got []at
	for _, f := range r.Findings {
		got = append(got, at{f.Line, f.Question})
		assert.Contains(t, f.Message, f.URL)
		assert.NotEmpty(t, f.Ask, "the question of %s", f.Question)
		assert.NotContains(t, f.Why, "see ")
		assert.Equal(t, f.Message, strings.SplitN(f.Message, ": ", 2)[0]+": "+f.Why+"; see "+f.URL)
	}
	assert.Equal(t, []at{{19, "backpressure"}, {21, "bounded-spawning"}, {36, "supervised-tasks"}, {41, "timeouts"}}, got)
	assert.Equal(t, []string{"example.com/shop/billing"}, r.Unknown)
}

// Every stub type-checks, so an import of it adds no type error.
func TestStubs(t *testing.T) {
	for _, path := range snippet.Stubbed() {
		t.Run(path, func(t *testing.T) {
			r := snippet.Check("package p\n\nimport _ " + `"` + path + `"` + "\n")
			assert.Empty(t, r.Problem)
			assert.Zero(t, r.TypeErrors)
			assert.Empty(t, r.Unknown)
		})
	}
}

// Code without a package clause is checked as it is, on its own lines.
func TestNoPackageClause(t *testing.T) {
	r := snippet.Check("import \"net/http\"\n\nfunc get() {\n\thttp.Get(\"https://example.com\")\n}\n")
	require.Empty(t, r.Problem)
	require.Len(t, r.Findings, 1)
	assert.Equal(t, 4, r.Findings[0].Line)
	assert.Equal(t, "timeouts", r.Findings[0].Question)
}

func TestBadInput(t *testing.T) {
	for _, c := range []struct {
		name, src, problem string
		line               int
	}{
		{"empty", " \n\t", "Paste some Go code", 0},
		{"not Go", "Dear reviewer,\nplease look at my code.", "does not look like Go", 0},
		{"syntax error", "package p\n\nfunc f() {\n\tgo\n}\n", "Syntax error: line 5", 5},
		{"too large", "package p\n" + strings.Repeat("// padding\n", snippet.MaxBytes/10), "at most 64 KiB", 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := snippet.Check(c.src)
			assert.Contains(t, r.Problem, c.problem)
			assert.Equal(t, c.line, r.ProblemLine)
			assert.Empty(t, r.Findings)
		})
	}
}

// With the page's setting, the links are relative to the page.
func TestRelativeLinks(t *testing.T) {
	old := review.Pages.String()
	require.NoError(t, review.Pages.Set(""))
	t.Cleanup(func() { _ = review.Pages.Set(old) })
	r := snippet.Check("package p\n\nfunc f() { go g() }\n\nfunc g() { panic(1) }\n")
	require.Len(t, r.Findings, 1)
	assert.Equal(t, "tasks.html?mode=bare", r.Findings[0].URL)
}

// The questions are worded as the checklist page asks them.
func TestAsksAreTheChecklists(t *testing.T) {
	page, err := os.ReadFile("../../content/review.md")
	require.NoError(t, err)
	r := snippet.Check(string(must(os.ReadFile("testdata/example.go"))))
	require.Len(t, r.Findings, 4)
	for _, f := range r.Findings {
		assert.Regexp(t, `(?m)^## \d\. `+regexp.QuoteMeta(f.Ask)+`$`, string(page), "the question of %s", f.Question)
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// The status sums up what the page shows under the code: the problem, or
// how many findings and what was not judged.
func TestStatus(t *testing.T) {
	example, err := os.ReadFile("testdata/example.go")
	require.NoError(t, err)
	for _, c := range []struct{ name, src, want string }{
		{"four findings, one import unknown", string(example),
			"4 findings, each under its line. Not known here, so not judged: example.com/shop/billing."},
		{"one finding", "import \"net/http\"\n\nfunc get() {\n\thttp.Get(\"https://example.com\")\n}\n", "1 finding, under its line."},
		{"none", "package p\n\nfunc f() int { return 1 }\n", "No findings: none of the four questions has a \u201cno\u201d the checks can see."},
		{"a problem", "Dear reviewer,\nplease look at my code.", snippet.Check("Dear reviewer,\nplease look at my code.").Problem},
	} {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, snippet.Check(c.src).Status)
		})
	}
}
