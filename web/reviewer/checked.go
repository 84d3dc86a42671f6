package reviewer

import (
	"strings"
	"sync"
	"unicode"

	"github.com/concurrency-patterns/playground/review"
	"github.com/concurrency-patterns/playground/review/snippet"
)

// checked is the example as the page first shows it: checked when the
// site is built, by the same checks the page's build runs, so a reader
// sees the findings at once and downloads the checker only to change the
// code.
type checked struct {
	Lines  []line
	Status string
	Error  bool
}

// line is one line of the code with the findings about it.
type line struct {
	N        int
	Text     string
	Bad      bool // the line of a syntax error
	Findings []finding
}

// finding is a snippet.Finding as the page words it.
type finding struct {
	snippet.Finding
	Why string // the message as a sentence
}

// relativeLinks makes the findings link to the pages beside this one,
// as the page's build does.
var relativeLinks = sync.OnceValue(func() error { return review.Pages.Set("") })

// check runs the reviewer's checks on src and lays the result out as
// reviewer.js draws it.
func check(src string) (checked, error) {
	if err := relativeLinks(); err != nil {
		return checked{}, err
	}
	r := snippet.Check(src)
	c := checked{Status: r.Status, Error: r.Problem != "" || len(r.Failed) > 0}
	if r.Problem != "" && r.ProblemLine == 0 {
		return c, nil
	}
	byLine := map[int][]finding{}
	for _, f := range r.Findings {
		byLine[f.Line] = append(byLine[f.Line], finding{Finding: f, Why: sentence(f.Why)})
	}
	for i, text := range strings.Split(src, "\n") {
		n := i + 1
		c.Lines = append(c.Lines, line{N: n, Text: text, Bad: n == r.ProblemLine, Findings: byLine[n]})
	}
	return c, nil
}

// sentence starts s with a capital and ends it with a full stop.
func sentence(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	return string(r) + "."
}
