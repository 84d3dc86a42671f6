package nodeadline

import (
	"go/ast"
	"go/types"

	"github.com/concurrency-patterns/playground/review/internal/code"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// checkBackground reports context.Background() handed to a call in a
// request handler.
func checkBackground(p *code.Pass, c inspector.Cursor, call *ast.CallExpr) {
	if !p.IsBackgroundCall(call) || c.ParentEdgeKind() != edge.CallExpr_Args {
		return
	}
	outer := p.Callee(c.Parent().Node().(*ast.CallExpr))
	if code.IsFunc(outer, "context", "WithTimeout", "WithDeadline", "WithTimeoutCause", "WithDeadlineCause") ||
		outer != nil && outer.Pkg() != nil && outer.Pkg().Path() == "log/slog" {
		return // a deadline of its own, or a log line
	}
	h, req, ok := p.Handler(c)
	if !ok {
		return
	}
	for e := range c.Enclosing() {
		if e == h {
			break
		}
		if _, detached := e.Node().(*ast.GoStmt); detached {
			return
		}
	}
	name := "context." + p.Callee(call).Name() + "()"
	report(p, call, name+" in a request handler neither ends when the client goes away nor has a deadline, so the work it is handed can outlive the request by any amount",
		requestFix(p, call, req)...)
}

// requestFix uses the request's context instead, when its parameter is in
// scope under its name.
func requestFix(p *code.Pass, call *ast.CallExpr, req *types.Var) []analysis.SuggestedFix {
	if req == nil || p.Pkg == nil {
		return nil
	}
	if _, obj := p.Pkg.Scope().Innermost(call.Pos()).LookupParent(req.Name(), call.Pos()); obj != req {
		return nil
	}
	return []analysis.SuggestedFix{{
		Message:   "use the request's context, " + req.Name() + ".Context()",
		TextEdits: []analysis.TextEdit{{Pos: call.Pos(), End: call.End(), NewText: []byte(req.Name() + ".Context()")}},
	}}
}
