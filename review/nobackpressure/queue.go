package nobackpressure

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/concurrency-patterns/playground/review/internal/code"
	"github.com/concurrency-patterns/playground/review/internal/finding"
	"golang.org/x/tools/go/ast/inspector"
)

// queues knows which slices of the package are queues: taken from as well
// as appended to.
type queues struct {
	p      *code.Pass
	popped map[types.Object]bool
}

func newQueues(p *code.Pass) *queues {
	q := &queues{p: p, popped: make(map[types.Object]bool)}
	for c := range p.In.Root().Preorder((*ast.AssignStmt)(nil), (*ast.CallExpr)(nil)) {
		switch n := c.Node().(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				continue
			}
			for i, rhs := range n.Rhs {
				if obj := p.ObjectOf(n.Lhs[i]); obj != nil && q.takes(rhs, obj) {
					q.popped[obj] = true
				}
			}
		case *ast.CallExpr: // copy(q, q[1:])
			if p.Builtin(n, "copy") && len(n.Args) == 2 {
				if obj := p.ObjectOf(n.Args[0]); obj != nil && q.sliceOf(n.Args[1], obj) {
					q.popped[obj] = true
				}
			}
		}
	}
	return q
}

// takes reports whether e is obj with items taken off: obj[1:],
// obj[:len(obj)-1], slices.Delete(obj, …).
func (q *queues) takes(e ast.Expr, obj types.Object) bool {
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && len(call.Args) > 0 {
		return code.IsFunc(q.p.Callee(call), "slices", "Delete") && q.p.ObjectOf(call.Args[0]) == obj
	}
	s, ok := ast.Unparen(e).(*ast.SliceExpr)
	if !ok || q.p.ObjectOf(s.X) != obj {
		return false
	}
	return s.Low != nil || (s.High != nil && !isSmall(q.p, s.High))
}

func (q *queues) sliceOf(e ast.Expr, obj types.Object) bool {
	s, ok := ast.Unparen(e).(*ast.SliceExpr)
	return ok && q.p.ObjectOf(s.X) == obj && s.Low != nil
}

// check reports q = append(q, …) on a queue, repeated in a loop or a
// handler, with no limit on its length.
func (q *queues) check(c inspector.Cursor, a *ast.AssignStmt) {
	p := q.p
	if len(a.Lhs) != len(a.Rhs) {
		return
	}
	for i, rhs := range a.Rhs {
		call, ok := ast.Unparen(rhs).(*ast.CallExpr)
		if !ok || !p.Builtin(call, "append") || len(call.Args) < 2 {
			continue
		}
		obj := p.ObjectOf(a.Lhs[i])
		if obj == nil || p.ObjectOf(call.Args[0]) != obj || !q.popped[obj] {
			continue
		}
		r, repeats := p.Repeats(c)
		fn, ok := code.Func(c)
		if !repeats || !ok || r.InLoop() && !fedByChannel(p, c, r.Loop) ||
			q.limited(code.Body(fn.Node()), obj) || underDemand(p, c) || p.Paced(r.Body, call.Pos(), nil) {
			continue
		}
		what := "request"
		if r.InLoop() {
			what = "item the loop takes in"
		}
		finding.Report(p.Pass, finding.Finding{
			Q: finding.Pressure, Pos: call.Pos(), End: call.End(), Params: demo,
			Why: "this queue grows with every " + what + " and nothing compares its length with a limit, so a producer faster than its consumers grows it without end",
		})
	}
}

// limited reports whether body compares len(obj) or cap(obj) with
// anything but 0 or 1 (which only ask whether it is empty).
func (q *queues) limited(body *ast.BlockStmt, obj types.Object) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		b, ok := n.(*ast.BinaryExpr)
		if !ok || found {
			return !found
		}
		switch b.Op {
		case token.LSS, token.LEQ, token.GTR, token.GEQ, token.EQL, token.NEQ:
			found = q.isLenOf(b.X, obj) && !isSmall(q.p, b.Y) || q.isLenOf(b.Y, obj) && !isSmall(q.p, b.X)
		}
		return !found
	})
	return found
}

func (q *queues) isLenOf(e ast.Expr, obj types.Object) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	return ok && (q.p.Builtin(call, "len") || q.p.Builtin(call, "cap")) && len(call.Args) == 1 && q.p.ObjectOf(call.Args[0]) == obj
}

// isSmall reports whether e is the constant 0 or 1.
func isSmall(p *code.Pass, e ast.Expr) bool {
	tv, ok := p.TypesInfo.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return false
	}
	v, exact := constant.Int64Val(tv.Value)
	return exact && v <= 1
}

// underDemand reports whether a loop around c, in its function, runs while
// a comparison holds: for demand > 0, for len(q) < max. Such a loop makes
// what was asked for.
func underDemand(p *code.Pass, c inspector.Cursor) bool {
	for e := range c.Enclosing() {
		switch n := e.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		case *ast.ForStmt:
			if b, ok := ast.Unparen(n.Cond).(*ast.BinaryExpr); ok {
				switch b.Op {
				case token.LSS, token.LEQ, token.GTR, token.GEQ:
					return true
				}
			}
		}
	}
	return false
}

// fedByChannel reports whether the loop takes what the append at c queues
// from a channel, so that the producer is another goroutine: a range over
// a channel, a select case that receives, or a receive before c in the
// loop's body. A loop that appends what it made itself keeps a worklist,
// not a buffer between two sides.
func fedByChannel(p *code.Pass, c, loop inspector.Cursor) bool {
	if r, ok := loop.Node().(*ast.RangeStmt); ok {
		if isChan, _ := code.IsChan(p.TypesInfo.TypeOf(r.X)); isChan {
			return true
		}
	}
	for e := range c.Enclosing() {
		if e == loop {
			break
		}
		if cc, ok := e.Node().(*ast.CommClause); ok && isRecvStmt(cc.Comm) {
			return true
		}
	}
	found := false
	ast.Inspect(loop.Node(), func(n ast.Node) bool {
		if u, ok := n.(*ast.UnaryExpr); ok && u.Op == token.ARROW && u.Pos() < c.Node().Pos() {
			found = true
		}
		_, lit := n.(*ast.FuncLit)
		return !found && !lit
	})
	return found
}

// isRecvStmt reports whether a select case's statement receives.
func isRecvStmt(s ast.Stmt) bool {
	var e ast.Expr
	switch s := s.(type) {
	case *ast.ExprStmt:
		e = s.X
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 {
			e = s.Rhs[0]
		}
	}
	u, ok := ast.Unparen(e).(*ast.UnaryExpr)
	return ok && u.Op == token.ARROW
}
