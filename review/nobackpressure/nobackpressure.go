package nobackpressure

import (
	"bytes"
	"go/ast"
	"go/format"

	"github.com/concurrency-patterns/playground/review/internal/code"
	"github.com/concurrency-patterns/playground/review/internal/finding"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// Analyzer reports producers without backpressure; see the package doc.
var Analyzer = &analysis.Analyzer{
	Name:     "nobackpressure",
	Doc:      "report producers that never wait for their consumers\n\nA send wrapped in its own goroutine, or an append to a queue with no length limit, in a loop or an HTTP handler: the producer never slows down and what it made piles up without bound.",
	URL:      "https://pkg.go.dev/github.com/concurrency-patterns/playground/review/nobackpressure",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

// demo is the stage page with a producer that pushes faster than its
// consumers and a buffer too large to ever drop: the queue only grows.
var demo = []string{"rate", "40", "buffer_size", "100000"}

func run(pass *analysis.Pass) (any, error) {
	p := code.New(pass)
	q := newQueues(p)
	for c := range p.In.Root().Preorder((*ast.GoStmt)(nil), (*ast.AssignStmt)(nil)) {
		if p.Skip(c) {
			continue
		}
		switch n := c.Node().(type) {
		case *ast.GoStmt:
			checkSend(p, c, n)
		case *ast.AssignStmt:
			q.check(c, n)
		}
	}
	return nil, nil
}

// checkSend reports go func() { ch <- v }() repeated in a loop or handler.
func checkSend(p *code.Pass, c inspector.Cursor, g *ast.GoStmt) {
	lit, ok := ast.Unparen(g.Call.Fun).(*ast.FuncLit)
	if !ok || len(lit.Body.List) != 1 {
		return
	}
	send, ok := lit.Body.List[0].(*ast.SendStmt)
	if !ok || calls(p, send.Value) || calls(p, send.Chan) {
		return // a goroutine that computes what it sends is a task, not a buffer
	}
	r, ok := p.Repeats(c)
	if !ok || p.Paced(r.Body, g.Pos(), lit.Body) {
		return
	}
	where := "handler"
	if r.InLoop() {
		where = "loop"
	}
	finding.Report(p.Pass, finding.Finding{
		Q: finding.Pressure, Pos: send.Pos(), End: send.End(), Params: demo,
		Why: "each value waits for the consumer in a goroutine of its own, so the " + where +
			" never slows down and the waiting goroutines pile up",
		Fixes: directSend(p, g, lit, send),
	})
}

// calls reports whether e calls anything but builtins and conversions.
func calls(p *code.Pass, e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && !p.Builtin(call, "") {
			found = true
		}
		return !found
	})
	return found
}

// directSend replaces the goroutine by its send, when the literal takes no
// arguments, so that the producer waits for room.
func directSend(p *code.Pass, g *ast.GoStmt, lit *ast.FuncLit, send *ast.SendStmt) []analysis.SuggestedFix {
	if len(g.Call.Args) > 0 || lit.Type.Params.NumFields() > 0 {
		return nil
	}
	var b bytes.Buffer
	if err := format.Node(&b, p.Fset, send); err != nil {
		return nil
	}
	return []analysis.SuggestedFix{{
		Message:   "send directly, so the producer waits until the consumer takes the value",
		TextEdits: []analysis.TextEdit{{Pos: g.Pos(), End: g.End(), NewText: b.Bytes()}},
	}}
}
