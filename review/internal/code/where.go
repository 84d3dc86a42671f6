package code

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

var funcNodes = []ast.Node{(*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)}

// Func is the function (declaration or literal) that c's node is in; c
// itself when it is one.
func Func(c inspector.Cursor) (inspector.Cursor, bool) {
	for f := range c.Enclosing(funcNodes...) {
		return f, true
	}
	return inspector.Cursor{}, false
}

// Body is the body of a function declaration or literal.
func Body(fn ast.Node) *ast.BlockStmt {
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		return fn.Body
	case *ast.FuncLit:
		return fn.Body
	}
	return nil
}

// Handler finds the net/http handler that c's node runs in, through any
// function literals between them: a function with the parameters
// (http.ResponseWriter, *http.Request). req is the request parameter, nil
// when it has no usable name.
func (p *Pass) Handler(c inspector.Cursor) (fn inspector.Cursor, req *types.Var, ok bool) {
	for f := range c.Enclosing(funcNodes...) {
		sig := p.Signature(f.Node())
		if sig == nil || sig.Params().Len() != 2 {
			continue
		}
		w, r := sig.Params().At(0), sig.Params().At(1)
		if !IsNamed(w.Type(), "net/http", "ResponseWriter") || !IsNamed(r.Type(), "net/http", "Request") {
			continue
		}
		if _, isPtr := r.Type().(*types.Pointer); !isPtr {
			continue
		}
		if r.Name() == "" || r.Name() == "_" {
			r = nil
		}
		return f, r, true
	}
	return inspector.Cursor{}, nil, false
}

// OpenLoop is the outermost loop around c's node, within its function,
// that runs an unknown number of times: anything but a counted loop (see
// [Pass.Counted]). A go statement in a counted loop starts a fixed set of
// workers; in an open one, one goroutine per item, request or tick.
func (p *Pass) OpenLoop(c inspector.Cursor) (loop inspector.Cursor, ok bool) {
	pos := c.Node().Pos()
	for e := range c.Enclosing() {
		var body *ast.BlockStmt
		switch n := e.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return loop, ok
		case *ast.ForStmt:
			body = n.Body
		case *ast.RangeStmt:
			body = n.Body
		default:
			continue
		}
		if body.Pos() <= pos && pos < body.End() && !p.Counted(e.Node()) {
			loop, ok = e, true
		}
	}
	return loop, ok
}

// Counted reports whether loop runs a number of times fixed before it
// starts and not taken from the length of some data: for i := 0; i < n;
// i++, for range n, or a range over an array, a literal list or a field
// (the parts of a value, set up before it runs, rather than its input).
func (p *Pass) Counted(loop ast.Node) bool {
	switch l := loop.(type) {
	case *ast.RangeStmt:
		if _, ok := ast.Unparen(l.X).(*ast.CompositeLit); ok {
			return true
		}
		if v, ok := p.ObjectOf(l.X).(*types.Var); ok && v.IsField() {
			return true // the parts of a value: its stages, hooks, workers
		}
		t := p.TypesInfo.TypeOf(l.X)
		if t == nil {
			return false
		}
		if ptr, ok := t.Underlying().(*types.Pointer); ok {
			t = ptr.Elem()
		}
		switch u := t.Underlying().(type) {
		case *types.Array:
			return true
		case *types.Basic:
			return u.Info()&types.IsInteger != 0 && !p.isLen(l.X)
		}
	case *ast.ForStmt:
		cond, ok := ast.Unparen(l.Cond).(*ast.BinaryExpr)
		if !ok || l.Post == nil {
			return false
		}
		switch cond.Op {
		case token.LSS, token.LEQ, token.GTR, token.GEQ, token.NEQ:
		default:
			return false
		}
		step := steppedVar(p, l.Post)
		if step == nil {
			return false
		}
		if p.ObjectOf(cond.X) == step {
			return !p.isLen(cond.Y)
		}
		if p.ObjectOf(cond.Y) == step {
			return !p.isLen(cond.X)
		}
	}
	return false
}

// steppedVar is the variable a loop's post statement counts with.
func steppedVar(p *Pass, post ast.Stmt) types.Object {
	switch s := post.(type) {
	case *ast.IncDecStmt:
		return p.ObjectOf(s.X)
	case *ast.AssignStmt:
		if len(s.Lhs) == 1 && (s.Tok == token.ADD_ASSIGN || s.Tok == token.SUB_ASSIGN) {
			return p.ObjectOf(s.Lhs[0])
		}
	}
	return nil
}

// isLen reports whether e is len(…) or cap(…).
func (p *Pass) isLen(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	return ok && (p.Builtin(call, "len") || p.Builtin(call, "cap"))
}

// inInitOrTest reports whether c's node is in an init function, where a
// goroutine is started once for the life of the process, or in a function
// that takes a *testing.T, B, F or a testing.TB: a test helper.
func (p *Pass) inInitOrTest(c inspector.Cursor) bool {
	for f := range c.Enclosing(funcNodes...) {
		if d, ok := f.Node().(*ast.FuncDecl); ok && d.Recv == nil && d.Name.Name == "init" {
			return true
		}
		sig := p.Signature(f.Node())
		if sig == nil {
			continue
		}
		for v := range sig.Params().Variables() {
			for _, name := range []string{"T", "B", "F", "TB"} {
				if IsNamed(v.Type(), "testing", name) {
					return true
				}
			}
		}
	}
	return false
}

// Repeat is where a node runs again and again: in an open loop (see
// [Pass.OpenLoop]) or in a request handler.
type Repeat struct {
	Body *ast.BlockStmt   // the loop's or the handler's body
	Loop inspector.Cursor // the loop; not valid in a handler
}

// InLoop reports whether the node repeats in a loop rather than per request.
func (r Repeat) InLoop() bool { return r.Loop.Valid() }

// InRange reports whether the loop is a range over some data.
func (r Repeat) InRange() bool {
	if !r.InLoop() {
		return false
	}
	_, ok := r.Loop.Node().(*ast.RangeStmt)
	return ok
}

// Repeats finds where c's node repeats: its open loop first, else its
// handler. ok is false when it runs a known number of times.
func (p *Pass) Repeats(c inspector.Cursor) (r Repeat, ok bool) {
	if loop, ok := p.OpenLoop(c); ok {
		switch l := loop.Node().(type) {
		case *ast.ForStmt:
			return Repeat{Body: l.Body, Loop: loop}, true
		case *ast.RangeStmt:
			return Repeat{Body: l.Body, Loop: loop}, true
		}
	}
	if h, _, ok := p.Handler(c); ok {
		return Repeat{Body: Body(h.Node())}, true
	}
	return Repeat{}, false
}
