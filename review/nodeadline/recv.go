package nodeadline

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/token"
	"go/types"

	"github.com/concurrency-patterns/playground/review/internal/code"
)

// checkReceives reports, in a function with a context parameter, the
// receives that wait without it.
func checkReceives(p *code.Pass, fn ast.Node) {
	sig := p.Signature(fn)
	ctx := ctxParam(sig)
	body := code.Body(fn)
	if ctx == nil || body == nil {
		return
	}
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		switch n.(type) {
		case *ast.FuncLit, *ast.DeferStmt, *ast.SelectStmt, *ast.GoStmt:
			return false // its own function, cleanup, a wait with a choice, another goroutine
		}
		stack = append(stack, n)
		if u, ok := n.(*ast.UnaryExpr); ok && u.Op == token.ARROW && !exempt(p, body, u) {
			report(p, u, "this receive ignores "+ctx.Name()+": with no select on "+ctx.Name()+".Done() or a timer, it waits past the caller's deadline if nothing is sent",
				selectFix(p, sig, stack, u, ctx)...)
		}
		return true
	})
}

// ctxParam is the function's context.Context parameter, if it has one it
// can use.
func ctxParam(sig *types.Signature) *types.Var {
	if sig == nil {
		return nil
	}
	for v := range sig.Params().Variables() {
		if code.IsContext(v.Type()) && v.Name() != "" && v.Name() != "_" {
			return v
		}
	}
	return nil
}

// exempt reports whether the receive u has a limit of its own: it waits
// on a context or a timer, for a goroutine started here with a context, on
// a channel handed to a call with a context, for a goroutine that was told
// to stop, or for a token the function gives back (a channel as a lock).
func exempt(p *code.Pass, body *ast.BlockStmt, u *ast.UnaryExpr) bool {
	if isDone(p, u.X) || isDone(p, localDef(p, body, u.X)) {
		return true // <-ctx.Done(), or done := ctx.Done() … <-done
	}
	if ch, ok := p.TypesInfo.TypeOf(u.X).Underlying().(*types.Chan); ok && code.IsNamed(ch.Elem(), "time", "Time") {
		return true
	}
	obj := p.ObjectOf(u.X)
	return obj != nil && (startsWatcher(p, body, obj, u.Pos()) || sendsTo(p, body, obj) || toldToStop(p, body, u))
}

// isDone reports whether e is a call of a context's Done.
func isDone(p *code.Pass, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	return ok && code.IsMethod(p.Callee(call), "context", "Context", "Done")
}

// localDef is the value a variable e names was defined with by := in
// body, or nil.
func localDef(p *code.Pass, body *ast.BlockStmt, e ast.Expr) ast.Expr {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	obj := p.TypesInfo.Uses[id]
	var def ast.Expr
	ast.Inspect(body, func(n ast.Node) bool {
		a, ok := n.(*ast.AssignStmt)
		if ok && a.Tok == token.DEFINE && len(a.Lhs) == len(a.Rhs) {
			for i, l := range a.Lhs {
				if lid, ok := l.(*ast.Ident); ok && obj != nil && p.TypesInfo.Defs[lid] == obj {
					def = a.Rhs[i]
				}
			}
		}
		return def == nil
	})
	return def
}

// startsWatcher reports whether body starts a goroutine that is handed a
// context, or hands obj to a call along with a context: what the function
// waits for then ends with that context, or its sender knows the caller's.
func startsWatcher(p *code.Pass, body *ast.BlockStmt, obj types.Object, before token.Pos) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found || n == nil {
			return false
		}
		_, isGo := n.(*ast.GoStmt)
		call, isCall := n.(*ast.CallExpr)
		if isGo || isCall && p.Callee(call) != nil && call.Pos() < before {
			usesCtx, usesObj := false, isGo
			ast.Inspect(n, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok {
					o := p.TypesInfo.ObjectOf(id)
					usesCtx = usesCtx || o != nil && code.IsContext(o.Type())
					usesObj = usesObj || o == obj
				}
				return true
			})
			found = usesCtx && usesObj
		}
		return !found
	})
	return found
}

// sendsTo reports whether body sends on obj too, outside any goroutine,
// as one gives back a token: mem := <-pool, then pool <- mem.
func sendsTo(p *code.Pass, body *ast.BlockStmt, obj types.Object) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if s, ok := n.(*ast.SendStmt); ok && p.ObjectOf(s.Chan) == obj {
			found = true
		}
		_, isGo := n.(*ast.GoStmt)
		return !found && !isGo
	})
	return found
}

// toldToStop reports whether the function cancels a context or closes a
// channel before u: the wait is then for a goroutine to finish stopping.
func toldToStop(p *code.Pass, body *ast.BlockStmt, u *ast.UnaryExpr) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if found || n == nil || n.Pos() >= u.Pos() {
			return false
		}
		if ok {
			t := p.TypesInfo.TypeOf(call.Fun)
			found = p.Builtin(call, "close") || code.IsNamed(t, "context", "CancelFunc") || code.IsNamed(t, "context", "CancelCauseFunc")
		}
		return !found
	})
	return found
}

// source is n as gofmt writes it.
func source(p *code.Pass, n ast.Node) string {
	var b bytes.Buffer
	if format.Node(&b, p.Fset, n) != nil {
		return ""
	}
	return b.String()
}
