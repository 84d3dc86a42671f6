package snippet_test

import (
	"os"
	"testing"

	"github.com/concurrency-patterns/playground/review/snippet"
)

// FuzzCheck: whatever is pasted, Check answers, and every finding is on a
// line of the code.
func FuzzCheck(f *testing.F) {
	example, err := os.ReadFile("testdata/example.go")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(example))
	f.Add("package p\n\nfunc f(ch chan int) { go func() { ch <- 1 }(); <-ch }\n")
	f.Add("func f() { for { go x.Y() } }")
	f.Add("package p\nimport \"net/http\"\nvar c = http.Client{}\nfunc g() { c.Get(\"\") }\n")
	f.Fuzz(func(t *testing.T, src string) {
		r := snippet.Check(src)
		lines := 1
		for _, c := range src {
			if c == '\n' {
				lines++
			}
		}
		for _, fd := range r.Findings {
			if fd.Line < 1 || fd.Line > lines {
				t.Errorf("finding on line %d of %d: %s", fd.Line, lines, fd.Message)
			}
		}
		if len(r.Failed) > 0 {
			t.Logf("a check failed: %v", r.Failed)
		}
	})
}
