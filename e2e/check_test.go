package e2e

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The reviewer page's build holds go/types and the analyzers, so it has a
// budget of its own, gzipped (-9); the pattern pages keep theirs.
const (
	reviewerWasm   = "reviewer.wasm"
	reviewerBudget = 2_200_000
)

// shownFinding is a finding as the reviewer page draws it.
type shownFinding struct {
	Line     int    `json:"line"`
	Question string `json:"question"`
	Href     string `json:"href"`
	Ask      string `json:"ask"`
	Text     string `json:"text"` // the code of the line it is under
}

// checkPage opens the reviewer page, which arrives with the example
// checked.
func checkPage(t *testing.T) *page {
	t.Helper()
	p := newPage(t)
	p.show(desktop)
	p.open("check.html")
	require.Positive(t, eval[int](p, `document.querySelectorAll(".reviewer-line").length`), "the example is drawn line by line")
	return p
}

// checkerFetched reports whether the page has asked for the reviewer's
// build.
func (p *page) checkerFetched() bool {
	p.t.Helper()
	return eval[bool](p, `performance.getEntriesByType("resource").some(e => e.name.endsWith("/`+reviewerWasm+`"))`)
}

// checkerReady focuses the code, as a reader about to edit it does, and
// waits for the reviewer's build to start.
func (p *page) checkerReady() {
	p.t.Helper()
	run(p, "focusing the code", chromedp.Focus(chromedp.CSS(".reviewer-code")))
	run(p, "waiting for the reviewer", chromedp.Poll[bool](`document.querySelector("[data-reviewer]").dataset.ready === "true"`))
}

func (p *page) findings() []shownFinding {
	p.t.Helper()
	return eval[[]shownFinding](p, `[...document.querySelectorAll(".reviewer-finding")].map(f => {
		const li = f.closest("li");
		return {line: Number(li.dataset.line), question: f.dataset.question,
			href: f.querySelector("a").getAttribute("href"),
			ask: f.querySelector(".reviewer-ask").textContent,
			text: li.querySelector(".reviewer-text").textContent};
	})`)
}

// setCode replaces the code as a paste does, then checks it with the
// button, and returns what the status line says.
func (p *page) setCode(src string) string {
	p.t.Helper()
	js, _ := json.Marshal(src)
	eval[bool](p, `(() => { const c = document.querySelector(".reviewer-code"); c.value = `+string(js)+`; return true; })()`)
	eval[bool](p, `(document.querySelector(".reviewer-status").textContent = "", true)`)
	run(p, "Check", chromedp.Click(chromedp.CSS(".reviewer-check")))
	run(p, "the check", chromedp.Poll[bool](`document.querySelector(".reviewer-status").textContent !== ""`))
	return run(p, "status", chromedp.Text(chromedp.CSS(".reviewer-status")))
}

// TestCheckExample: the example's four findings, one per question, each
// under the line it concerns and linked to its question's pattern page,
// there on arrival without the reviewer's build, which the page fetches
// only for an edit, and found again by that build.
func TestCheckExample(t *testing.T) {
	p := checkPage(t)
	example := eval[string](p, `document.querySelector(".reviewer-code").value`)
	assert.False(t, p.checkerFetched(), "reading the page fetches no checker")
	built := p.findings()
	lineOf := func(code string) int {
		for i, l := range strings.Split(example, "\n") {
			if strings.Contains(l, code) {
				return i + 1
			}
		}
		t.Fatalf("the example has no line with %q", code)
		return 0
	}
	got := p.findings()
	require.Len(t, got, 4, "one finding per question")
	want := []struct {
		line           int
		question, page string
	}{
		{lineOf("b.pending = append("), "backpressure", "stage.html?"},
		{lineOf("go billing.Charge(id)"), "bounded-spawning", "spawn.html?"},
		{lineOf(`go restock("all")`), "supervised-tasks", "tasks.html?"},
		{lineOf("http.Get("), "timeouts", "timeout.html?"},
	}
	for i, w := range want {
		assert.Equal(t, w.line, got[i].Line, "finding %d", i)
		assert.Equal(t, w.question, got[i].Question, "finding %d", i)
		assert.True(t, strings.HasPrefix(got[i].Href, w.page), "finding %d links to %s", i, got[i].Href)
		assert.NotEmpty(t, got[i].Ask)
	}
	status := run(p, "status", chromedp.Text(chromedp.CSS(".reviewer-status")))
	assert.Contains(t, status, "4 findings")
	assert.Contains(t, status, "example.com/shop/billing", "the unknown import is named")
	p.linksResolve()
	p.screenshot("check-desktop")

	p.checkerReady()
	assert.True(t, p.checkerFetched())
	assert.Contains(t, p.setCode(example), "4 findings")
	assert.Equal(t, built, p.findings(), "the page's checks find what the build's did")

	// A link opens its pattern page with the demo set up like the finding.
	run(p, "following the link", chromedp.Click(chromedp.CSS(`.reviewer-finding[data-question="supervised-tasks"] a`)))
	run(p, "the tasks page", chromedp.WaitVisible(chromedp.CSS("main h1")))
	assert.True(t, strings.HasSuffix(run(p, "location", chromedp.Location()), "/tasks.html?mode=bare"))
	p.noConsoleErrors()
}

// TestCheckAsYouType: typing is checked without the button, once the
// typing pauses, the first time too, when the typing started the fetch of
// the reviewer's build.
func TestCheckAsYouType(t *testing.T) {
	p := checkPage(t)
	eval[bool](p, `(document.querySelector(".reviewer-code").value = "") === ""`)
	run(p, "typing", chromedp.SendKeys(chromedp.CSS(".reviewer-code"), "package p\n\nfunc f() { go g() }\n\nfunc g() { panic(1) }\n"))
	run(p, "waiting for the check", chromedp.Poll[bool](`document.querySelectorAll(".reviewer-finding").length === 1 &&
		document.querySelectorAll(".reviewer-line").length === 6`))
	got := p.findings()
	require.Len(t, got, 1)
	assert.Equal(t, 3, got[0].Line)
	assert.Equal(t, "supervised-tasks", got[0].Question)
	assert.Equal(t, "tasks.html?mode=bare", got[0].Href)
	p.noConsoleErrors()
}

// TestCheckBadInput: each kind of bad input gets its message, no findings,
// and the page checks the next code as before.
func TestCheckBadInput(t *testing.T) {
	p := checkPage(t)
	p.checkerReady()
	for _, c := range []struct{ name, src, says string }{
		{"not Go", "Dear reviewer,\nplease look at my goroutines.", "does not look like Go"},
		{"syntax error", "package p\n\nfunc f() {\n\tgo\n}\n", "Syntax error: line 5"},
		{"too large", "package p\n" + strings.Repeat("// a long comment line\n", 4000), "at most 64 KiB"},
		{"empty", "", "Paste some Go code"},
	} {
		t.Run(c.name, func(t *testing.T) {
			assert.Contains(t, p.setCode(c.src), c.says)
			assert.True(t, eval[bool](p, `document.querySelector(".reviewer-status").classList.contains("reviewer-error")`))
			assert.Empty(t, p.findings())
			// Still usable: good code is checked again.
			assert.Contains(t, p.setCode("package p\n\nfunc f() { go g() }\n\nfunc g() { panic(1) }\n"), "1 finding")
			assert.Len(t, p.findings(), 1)
		})
	}
	p.setCode("package p\n\nfunc f() {\n\tgo\n}\n")
	assert.Equal(t, []int{5}, eval[[]int](p, `[...document.querySelectorAll(".reviewer-bad")].map(li => Number(li.dataset.line))`),
		"the syntax error's line is marked")
	p.noConsoleErrors()
}

// TestCheckLinkedFrom: the home page and the checklist lead to the reviewer.
func TestCheckLinkedFrom(t *testing.T) {
	p := newPage(t)
	for _, name := range []string{"index.html", "review.html"} {
		p.open(name)
		assert.True(t, eval[bool](p, `document.querySelector('main a[href="check.html"]') !== null`), "%s links to check.html", name)
	}
}
