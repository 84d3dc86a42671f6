package nodeadline

import (
	"go/ast"

	"github.com/concurrency-patterns/playground/review/internal/code"
	"github.com/concurrency-patterns/playground/review/internal/finding"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
)

// Analyzer reports waits without a deadline; see the package doc.
var Analyzer = &analysis.Analyzer{
	Name:     "nodeadline",
	Doc:      "report blocking calls that nothing can time out\n\nAn HTTP request with neither a client Timeout nor a context deadline, a receive that ignores the function's ctx, or context.Background() in a request handler: the wait inherits every stall of what it waits for.",
	URL:      "https://pkg.go.dev/github.com/concurrency-patterns/playground/review/nodeadline",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

// demo is the timeout page's first demo: callers that wait with no limit.
var demo = []string{"timeout", "infinity"}

func run(pass *analysis.Pass) (any, error) {
	p := code.New(pass)
	h := newClients(p)
	for c := range p.In.Root().Preorder((*ast.CallExpr)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if p.Skip(c) {
			continue
		}
		switch n := c.Node().(type) {
		case *ast.CallExpr:
			h.check(n)
			checkBackground(p, c, n)
		case *ast.FuncDecl, *ast.FuncLit:
			checkReceives(p, n)
		}
	}
	return nil, nil
}

func report(p *code.Pass, n ast.Node, why string, fixes ...analysis.SuggestedFix) {
	finding.Report(p.Pass, finding.Finding{
		Q: finding.Deadline, Pos: n.Pos(), End: n.End(), Params: demo, Why: why, Fixes: fixes,
	})
}
