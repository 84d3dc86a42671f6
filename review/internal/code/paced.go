package code

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
)

// paceMethods are the calls that hold a spawn back or bound the work:
// semaphores and limiters (Acquire), rate limiters and wait groups (Wait),
// pools (Checkout).
var paceMethods = []string{"Acquire", "TryAcquire", "Wait", "WaitN", "Checkout"}

// Paced reports whether something bounds a spawn at pos: in region (the
// loop or handler body it is in), a semaphore taken before it, a wait
// (a receive whose value is dropped, or one after the spawn), or a bound
// check that leaves; in goroutine (the body it runs, when known), a
// semaphore taken or given back. Precision first: any of these counts,
// without checking that it really bounds this spawn.
func (p *Pass) Paced(region *ast.BlockStmt, pos token.Pos, goroutine *ast.BlockStmt) bool {
	paced := false
	ast.Inspect(region, func(n ast.Node) bool {
		if paced {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // another goroutine or callback: not the loop's own pace
		case *ast.SendStmt:
			paced = n.Pos() < pos && p.isToken(n.Value)
		case *ast.ExprStmt:
			paced = isRecv(n.X) // a token taken before, or the goroutine waited for after
		case *ast.AssignStmt:
			paced = n.Pos() > pos && len(n.Rhs) == 1 && isRecv(n.Rhs[0]) // v := <-results
		case *ast.CallExpr:
			paced = p.isPaceCall(n)
		case *ast.IfStmt:
			paced = n.Pos() < pos && isBoundCheck(n)
		}
		return !paced
	})
	if paced || goroutine == nil {
		return paced
	}
	ast.Inspect(goroutine, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SendStmt:
			paced = paced || p.isToken(n.Value)
		case *ast.DeferStmt:
			if lit, ok := n.Call.Fun.(*ast.FuncLit); ok {
				for _, s := range lit.Body.List {
					if es, ok := s.(*ast.ExprStmt); ok && isRecv(es.X) {
						paced = true // defer func() { <-sem }()
					}
				}
			}
		case *ast.CallExpr:
			paced = paced || p.isPaceCall(n) || p.isMethodNamed(n, "Release")
		}
		return !paced
	})
	return paced
}

// isToken reports whether a sent value carries nothing: struct{}{} into a
// channel used as a semaphore.
func (p *Pass) isToken(v ast.Expr) bool {
	t := p.TypesInfo.TypeOf(v)
	if t == nil {
		return false
	}
	s, ok := t.Underlying().(*types.Struct)
	return ok && s.NumFields() == 0
}

func (p *Pass) isPaceCall(call *ast.CallExpr) bool {
	return slices.ContainsFunc(paceMethods, func(name string) bool { return p.isMethodNamed(call, name) })
}

func (p *Pass) isMethodNamed(call *ast.CallExpr, name string) bool {
	fn := p.Callee(call)
	return fn != nil && fn.Name() == name && fn.Type().(*types.Signature).Recv() != nil
}

// isRecv reports whether e is a receive, <-ch.
func isRecv(e ast.Expr) bool {
	u, ok := ast.Unparen(e).(*ast.UnaryExpr)
	return ok && u.Op == token.ARROW
}

// isBoundCheck reports whether s compares sizes and leaves when over:
// if running >= max { break }.
func isBoundCheck(s *ast.IfStmt) bool {
	cond, ok := ast.Unparen(s.Cond).(*ast.BinaryExpr)
	if !ok || len(s.Body.List) == 0 {
		return false
	}
	switch cond.Op {
	case token.LSS, token.LEQ, token.GTR, token.GEQ:
	default:
		return false
	}
	switch last := s.Body.List[len(s.Body.List)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return last.Tok != token.FALLTHROUGH
	}
	return false
}
