// Package finding is how every check of the reviewer reports: the review
// question a finding answers, one sentence on why, and a link to the
// pattern page whose demo shows the same problem running.
package finding

import (
	"go/token"

	"github.com/concurrency-patterns/playground/review/internal/link"
	"golang.org/x/tools/go/analysis"
)

// Question is one of the four review questions, and the page that answers it.
type Question struct {
	Name     string // what the message starts with
	Category string // the diagnostic's category: Name, as one word
	Page     string // the pattern page, without ".html"
}

// The four review questions.
var (
	Supervised = Question{"supervised tasks", "supervised-tasks", "tasks"}
	Bounded    = Question{"bounded spawning", "bounded-spawning", "spawn"}
	Pressure   = Question{"backpressure", "backpressure", "stage"}
	Deadline   = Question{"timeouts", "timeouts", "timeout"}
)

// Finding is one report, before it is sent.
type Finding struct {
	Q      Question
	Pos    token.Pos
	End    token.Pos
	Why    string   // one sentence, no final period
	Params []string // the demo's parameters, as name, value pairs
	Fixes  []analysis.SuggestedFix
}

// Report sends f to pass as "question: why; see URL", the URL also in the
// diagnostic's URL field for editors that show it apart.
func Report(pass *analysis.Pass, f Finding) {
	u := link.Page(f.Q.Page, f.Params...)
	pass.Report(analysis.Diagnostic{
		Pos:            f.Pos,
		End:            f.End,
		Category:       f.Q.Category,
		Message:        f.Q.Name + ": " + f.Why + "; see " + u,
		URL:            u,
		SuggestedFixes: f.Fixes,
	})
}
