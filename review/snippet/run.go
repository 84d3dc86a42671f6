package snippet

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// run is a small analysis driver for one file: each analyzer after the
// ones it requires, once, with their results. The reviewer's checks use
// no facts, so the fact calls record nothing.
func run(fset *token.FileSet, f *ast.File, pkg *types.Package, info *types.Info, analyzers []*analysis.Analyzer) Result {
	var r Result
	results := map[*analysis.Analyzer]any{}
	failed := map[*analysis.Analyzer]bool{}
	var do func(a *analysis.Analyzer) bool
	do = func(a *analysis.Analyzer) bool {
		if _, ok := results[a]; ok {
			return true
		}
		if failed[a] {
			return false
		}
		deps := map[*analysis.Analyzer]any{}
		for _, req := range a.Requires {
			if !do(req) {
				failed[a] = true
				return false
			}
			deps[req] = results[req]
		}
		pass := &analysis.Pass{
			Analyzer:          a,
			Fset:              fset,
			Files:             []*ast.File{f},
			Pkg:               pkg,
			TypesInfo:         info,
			TypesSizes:        types.SizesFor("gc", "amd64"),
			ResultOf:          deps,
			Report:            func(d analysis.Diagnostic) { r.Findings = append(r.Findings, finding(fset, a, d)) },
			ImportObjectFact:  func(types.Object, analysis.Fact) bool { return false },
			ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
			ExportObjectFact:  func(types.Object, analysis.Fact) {},
			ExportPackageFact: func(analysis.Fact) {},
			AllObjectFacts:    func() []analysis.ObjectFact { return nil },
			AllPackageFacts:   func() []analysis.PackageFact { return nil },
		}
		res, err := runOne(a, pass)
		if err != nil {
			failed[a] = true
			r.Failed = append(r.Failed, fmt.Sprintf("%s: %v", a.Name, err))
			return false
		}
		if a.ResultType != nil && (res == nil || reflect.TypeOf(res) != a.ResultType) {
			failed[a] = true
			r.Failed = append(r.Failed, fmt.Sprintf("%s: result of type %T, want %v", a.Name, res, a.ResultType))
			return false
		}
		results[a] = res
		return true
	}
	for _, a := range analyzers {
		do(a)
	}
	return r
}

// runOne runs a, turning a panic into an error: code that does not
// type-check can reach corners the checks were not written for, and one
// check's panic must not cost the others' findings or the page.
func runOne(a *analysis.Analyzer, pass *analysis.Pass) (res any, err error) {
	defer func() {
		if v := recover(); v != nil {
			res, err = nil, fmt.Errorf("internal error: %v", v)
		}
	}()
	return a.Run(pass)
}

func finding(fset *token.FileSet, a *analysis.Analyzer, d analysis.Diagnostic) Finding {
	pos := fset.Position(d.Pos)
	end := pos
	if d.End.IsValid() {
		end = fset.Position(d.End)
	}
	why := strings.TrimSuffix(d.Message, "; see "+d.URL)
	if _, after, ok := strings.Cut(why, ": "); ok {
		why = after
	}
	return Finding{Line: pos.Line, Column: pos.Column, EndLine: end.Line, Check: a.Name,
		Question: d.Category, Ask: asks[d.Category], Why: why, Message: d.Message, URL: d.URL}
}

// asks are the review questions as the checklist page words them, by the
// category of their findings.
var asks = map[string]string{
	"supervised-tasks": "Does every task that can fail have an owner?",
	"backpressure":     "Is there backpressure for producers faster than their consumers?",
	"bounded-spawning": "Is spawning bounded?",
	"timeouts":         "Does every wait have a deadline?",
}
