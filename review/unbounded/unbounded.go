package unbounded

import (
	"go/ast"
	"go/token"

	"github.com/concurrency-patterns/playground/review/internal/code"
	"github.com/concurrency-patterns/playground/review/internal/finding"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// Analyzer reports unbounded spawning; see the package doc.
var Analyzer = &analysis.Analyzer{
	Name:     "unbounded",
	Doc:      "report goroutines started per item or per request with no limit\n\nA go statement (or errgroup's Go without SetLimit) in a loop of unknown length or in an HTTP handler, with nothing bounding how many run at once: a long input or a burst of requests starts as many goroutines.",
	URL:      "https://pkg.go.dev/github.com/concurrency-patterns/playground/review/unbounded",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

// demo is the spawn page's demo at a load that outruns its handlers.
var demo = []string{"mode", "unbounded", "rate", "400"}

func run(pass *analysis.Pass) (any, error) {
	p := code.New(pass)
	for c := range p.In.Root().Preorder((*ast.GoStmt)(nil), (*ast.CallExpr)(nil)) {
		if p.Skip(c) {
			continue
		}
		switch n := c.Node().(type) {
		case *ast.GoStmt:
			checkGo(p, c, n)
		case *ast.CallExpr:
			checkGroup(p, c, n)
		}
	}
	return nil, nil
}

func checkGo(p *code.Pass, c inspector.Cursor, g *ast.GoStmt) {
	region, where := spawnSite(p, c)
	body := goroutineBody(p, g)
	if region == nil || p.Paced(region, g.Pos(), body) || where == perRequest && !outlives(p, region, g, body) {
		return
	}
	finding.Report(p.Pass, finding.Finding{
		Q: finding.Bounded, Pos: g.Pos(), End: g.End(), Params: demo,
		Why: "this go statement starts a goroutine " + where + " and nothing bounds how many run at once",
	})
}

// spawnSite is the loop or handler body a spawn at c repeats in, and how
// often it runs, or nil when it runs a known number of times.
func spawnSite(p *code.Pass, c inspector.Cursor) (*ast.BlockStmt, string) {
	r, ok := p.Repeats(c)
	switch {
	case !ok:
		return nil, ""
	case r.InRange():
		return r.Body, "for every item the loop takes"
	case r.InLoop():
		return r.Body, "for every turn of a loop of unknown length"
	}
	return r.Body, perRequest
}

const perRequest = "for every request that outlives the handler"

// goroutineBody is the body g runs, when this package has it.
func goroutineBody(p *code.Pass, g *ast.GoStmt) *ast.BlockStmt {
	if lit, ok := ast.Unparen(g.Call.Fun).(*ast.FuncLit); ok {
		return lit.Body
	}
	if d := p.Decl(p.Callee(g.Call)); d != nil {
		return d.Body
	}
	return nil
}

// outlives reports whether the goroutine g starts in a handler's body may
// run on after the handler returns: the handler does not receive from
// anything after g, and the goroutine does not wait for a context to end.
func outlives(p *code.Pass, handler *ast.BlockStmt, g *ast.GoStmt, body *ast.BlockStmt) bool {
	waits := false
	ast.Inspect(handler, func(n ast.Node) bool {
		if u, ok := n.(*ast.UnaryExpr); ok && u.Op == token.ARROW && u.Pos() > g.End() {
			waits = true
		}
		_, lit := n.(*ast.FuncLit)
		return !waits && !lit
	})
	if waits || body == nil {
		return !waits
	}
	ast.Inspect(body, func(n ast.Node) bool {
		if u, ok := n.(*ast.UnaryExpr); ok && u.Op == token.ARROW && !waits {
			call, isCall := ast.Unparen(u.X).(*ast.CallExpr)
			waits = isCall && code.IsMethod(p.Callee(call), "context", "Context", "Done")
		}
		return !waits
	})
	return !waits
}
