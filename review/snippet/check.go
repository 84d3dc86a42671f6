package snippet

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"github.com/concurrency-patterns/playground/review"
	"golang.org/x/tools/go/analysis"
)

// MaxBytes is the largest file Check reads: a pasted file, not a package.
// Beyond it the page would stall on a slow device for little gain.
const MaxBytes = 64 << 10

// Finding is one diagnostic, placed on the pasted file's lines.
type Finding struct {
	Line     int    `json:"line"`     // 1-based
	Column   int    `json:"column"`   // 1-based, in bytes
	EndLine  int    `json:"endLine"`  // the last line of the flagged code
	Check    string `json:"check"`    // the analyzer's name
	Question string `json:"question"` // the review question, as a category word
	Message  string `json:"message"`  // the whole message, link included
	Ask      string `json:"ask"`      // the review question, as the checklist asks it
	Why      string `json:"why"`      // the message's sentence alone
	URL      string `json:"url"`      // the pattern page that shows the problem
}

// Result is what Check found.
type Result struct {
	// Problem says why the file could not be checked, or is empty.
	Problem string `json:"problem,omitempty"`
	// ProblemLine is the line a syntax error is on, or 0.
	ProblemLine int       `json:"problemLine,omitempty"`
	Findings    []Finding `json:"findings"`
	// Failed names the checks that stopped on an internal error, with it.
	Failed []string `json:"failed,omitempty"`
	// Unknown lists the imports without declarations here.
	Unknown []string `json:"unknown,omitempty"`
	// TypeErrors counts what go/types could not make sense of.
	TypeErrors int `json:"typeErrors"`
	// Status sums the result up in a sentence or two for the reader: the
	// page shows it under the code, whether built with the site or checked
	// in the browser.
	Status string `json:"status"`
}

// Check runs the reviewer's analyzers on src, one Go file.
func Check(src string) Result {
	r := check(src, review.Analyzers)
	r.Status = r.summary()
	return r
}

func check(src string, analyzers []*analysis.Analyzer) Result {
	if len(src) > MaxBytes {
		return Result{Problem: fmt.Sprintf("The code is %d KiB; the page checks one file of at most %d KiB. Paste the part with the goroutines.", (len(src)+1023)/1024, MaxBytes/1024)}
	}
	if strings.TrimSpace(src) == "" {
		return Result{Problem: "Paste some Go code to check: a file, from its package clause on."}
	}
	fset := token.NewFileSet()
	f, line, err := parse(fset, src)
	if err != "" {
		return Result{Problem: err, ProblemLine: line}
	}
	imp := newImporter(fset)
	var typeErrors int
	conf := types.Config{Importer: imp, Error: func(error) { typeErrors++ }}
	info := &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		Scopes:       map[ast.Node]*types.Scope{},
		Instances:    map[*ast.Ident]types.Instance{},
		FileVersions: map[*ast.File]string{},
	}
	pkg, _ := conf.Check(f.Name.Name, fset, []*ast.File{f}, info) // errors were counted
	r := run(fset, f, pkg, info, analyzers)
	r.TypeErrors = typeErrors
	r.Unknown = imp.unknown
	sort.SliceStable(r.Findings, func(i, j int) bool {
		a, b := r.Findings[i], r.Findings[j]
		return a.Line < b.Line || a.Line == b.Line && a.Column < b.Column
	})
	return r
}
