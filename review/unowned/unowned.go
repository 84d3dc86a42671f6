package unowned

import (
	_ "embed"
	"go/ast"
	"go/types"

	"github.com/concurrency-patterns/playground/review/internal/code"
	"github.com/concurrency-patterns/playground/review/internal/finding"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
)

// Analyzer reports goroutines without an owner; see the package doc.
var Analyzer = &analysis.Analyzer{
	Name:     "unowned",
	Doc:      "report goroutines nothing waits for and no recover protects\n\nA bare go statement whose goroutine never reports its end (no channel, WaitGroup, cancel) and never recovers: a failure goes unseen and a panic stops the whole program.",
	URL:      "https://pkg.go.dev/github.com/concurrency-patterns/playground/review/unowned",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	p := code.New(pass)
	o := newOwners(p)
	for c := range p.In.Root().Preorder((*ast.GoStmt)(nil)) {
		g := c.Node().(*ast.GoStmt)
		if p.Skip(c) {
			continue
		}
		if why := o.unowned(g); why != "" {
			finding.Report(pass, finding.Finding{
				Q: finding.Supervised, Pos: g.Pos(), End: g.End(), Why: why,
				Params: []string{"mode", "bare"},
				Fixes:  waitGroupFix(p, c, g),
			})
		}
	}
	return nil, nil
}

// unowned says why g's goroutine has no owner, or "" when it has one or
// when it cannot be known.
func (o *owners) unowned(g *ast.GoStmt) string {
	p := o.p
	var body *ast.BlockStmt
	switch fun := ast.Unparen(g.Call.Fun).(type) {
	case *ast.FuncLit:
		body = fun.Body
	default:
		fn := p.Callee(g.Call)
		if fn == nil {
			return "" // a function value: who knows
		}
		if decl := p.Decl(fn); decl != nil {
			body = decl.Body
			break
		}
		if fn.Type().(*types.Signature).Results().Len() == 0 || fn.Name() == "Close" || o.reportsThrough(g.Call.Args) {
			return ""
		}
		return "nothing waits for this goroutine and the result of " + fn.Name() +
			" is thrown away, so its failure goes unseen and a panic in it stops the whole program"
	}
	if !o.callsAnything(body) || o.signals(body, 0) || o.recovers(body) {
		return ""
	}
	return "nothing waits for this goroutine or learns that it ended, and a panic in it stops the whole program"
}

// reportsThrough reports whether any argument could carry the goroutine's
// outcome back: a channel, a WaitGroup, or a function to call.
func (o *owners) reportsThrough(args []ast.Expr) bool {
	for _, a := range args {
		t := o.p.TypesInfo.TypeOf(a)
		if isChan, _ := code.IsChan(t); isChan || code.IsFuncType(t) || code.IsNamed(t, "sync", "WaitGroup") {
			return true
		}
	}
	return false
}

// callsAnything reports whether body calls a function: code that may panic.
func (o *owners) callsAnything(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && (!o.p.Builtin(call, "") || o.p.Builtin(call, "panic")) {
			found = true
		}
		return !found
	})
	return found
}
