package nodeadline

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/concurrency-patterns/playground/review/internal/code"
	"golang.org/x/tools/go/analysis"
)

const httpPath = "net/http"

// timeout is the Timeout the suggested fixes give a client, written with
// the name the file imports package time by.
func timeout(tm string) string { return "30 * " + tm + ".Second" }

// clients knows the package's variables: what each was first given, and
// which were changed after, so that a client's Timeout is known to be
// missing only when nothing could have set it.
type clients struct {
	p       *code.Pass
	defs    map[types.Object]ast.Expr // the value a variable was declared with; nil for a zero value
	changed map[types.Object]bool     // assigned again, a field set, or its address taken
}

func newClients(p *code.Pass) *clients {
	h := &clients{p: p, defs: make(map[types.Object]ast.Expr), changed: make(map[types.Object]bool)}
	for c := range p.In.Root().Preorder((*ast.ValueSpec)(nil), (*ast.AssignStmt)(nil), (*ast.UnaryExpr)(nil)) {
		switch n := c.Node().(type) {
		case *ast.ValueSpec:
			for i, name := range n.Names {
				obj := p.TypesInfo.Defs[name]
				switch {
				case obj == nil:
				case i < len(n.Values):
					h.defs[obj] = n.Values[i]
				case len(n.Values) == 0:
					h.defs[obj] = nil
				}
			}
		case *ast.AssignStmt:
			h.assign(n)
		case *ast.UnaryExpr:
			if obj := p.ObjectOf(n.X); n.Op == token.AND && obj != nil {
				h.changed[obj] = true
			}
		}
	}
	return h
}

func (h *clients) assign(a *ast.AssignStmt) {
	for i, lhs := range a.Lhs {
		if id, ok := lhs.(*ast.Ident); ok && a.Tok == token.DEFINE {
			if obj := h.p.TypesInfo.Defs[id]; obj != nil {
				if len(a.Rhs) == len(a.Lhs) {
					h.defs[obj] = a.Rhs[i]
				} else if i == 0 && len(a.Rhs) == 1 {
					h.defs[obj] = a.Rhs[0] // req, err := http.NewRequest(…)
				}
				continue
			}
		}
		if sel, ok := lhs.(*ast.SelectorExpr); ok {
			lhs = sel.X // c.Timeout = …
		}
		if obj := h.p.ObjectOf(lhs); obj != nil {
			h.changed[obj] = true
		}
	}
}

// noTimeout reports whether the client e denotes surely has no Timeout,
// and the literal that made it, when one did.
func (h *clients) noTimeout(e ast.Expr, depth int) (bool, *ast.CompositeLit) {
	p := h.p
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch x := e.(type) {
	case *ast.CompositeLit:
		if !code.IsNamed(p.TypesInfo.TypeOf(x), httpPath, "Client") {
			return false, nil
		}
		for _, elt := range x.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				return false, nil
			}
			if k, ok := kv.Key.(*ast.Ident); ok && (k.Name == "Timeout" || k.Name == "Transport") {
				return false, nil
			}
		}
		return true, x
	case *ast.CallExpr:
		if !p.Builtin(x, "new") || len(x.Args) != 1 {
			return false, nil
		}
		return code.IsNamed(p.TypesInfo.TypeOf(x.Args[0]), httpPath, "Client"), nil
	}
	obj := p.ObjectOf(e)
	if v, ok := obj.(*types.Var); ok && v.Pkg() != nil && v.Pkg().Path() == httpPath && v.Name() == "DefaultClient" {
		return true, nil
	}
	def, known := h.defs[obj]
	if obj == nil || !known || h.changed[obj] || depth > 2 {
		return false, nil
	}
	if def == nil { // var c http.Client
		_, isPtr := obj.Type().(*types.Pointer)
		return !isPtr && code.IsNamed(obj.Type(), httpPath, "Client"), nil
	}
	return h.noTimeout(def, depth+1)
}

// check reports a request sent with neither a client Timeout nor a
// context deadline.
func (h *clients) check(call *ast.CallExpr) {
	p := h.p
	if p.Pkg.Path() == httpPath {
		return // the client's own code
	}
	fn := p.Callee(call)
	sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	switch {
	case code.IsFunc(fn, httpPath, "Get", "Head", "Post", "PostForm"):
		report(p, call, "http."+fn.Name()+" uses http.DefaultClient, which has no Timeout, with a request that has no context, so a server that stops answering holds this call for good",
			h.clientFix(call, sel, fn.Name())...)
	case isSel && code.IsMethod(fn, httpPath, "Client", "Get", "Head", "Post", "PostForm", "Do"):
		bare, lit := h.noTimeout(sel.X, 0)
		if !bare || fn.Name() == "Do" && (len(call.Args) != 1 || !h.bareRequest(call.Args[0])) {
			return
		}
		report(p, call, "this client has no Timeout and the request no context deadline, so a server that stops answering holds this call for good",
			h.timeoutFix(lit)...)
	}
}

// bareRequest reports whether the request e was made with no context, or
// with one that never ends.
func (h *clients) bareRequest(e ast.Expr) bool {
	p := h.p
	obj := p.ObjectOf(e)
	def, known := h.defs[obj]
	if obj == nil || !known || def == nil || h.changed[obj] {
		return false
	}
	call, ok := ast.Unparen(def).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := p.Callee(call)
	if code.IsFunc(fn, httpPath, "NewRequest") {
		return true
	}
	if !code.IsFunc(fn, httpPath, "NewRequestWithContext") || len(call.Args) == 0 {
		return false
	}
	ctx := call.Args[0]
	if p.IsBackgroundCall(ctx) {
		return true
	}
	cobj := p.ObjectOf(ctx)
	cdef, known := h.defs[cobj]
	return cobj != nil && known && cdef != nil && !h.changed[cobj] && p.IsBackgroundCall(cdef)
}

// timeoutFix adds a Timeout to the literal that made the client.
func (h *clients) timeoutFix(lit *ast.CompositeLit) []analysis.SuggestedFix {
	if lit == nil {
		return nil
	}
	file := h.p.File(lit.Pos())
	if file == nil {
		return nil
	}
	tm, edits := code.Import(file, "time", "time")
	field := "Timeout: " + timeout(tm)
	switch {
	case len(lit.Elts) == 0:
	case h.p.Fset.Position(lit.Elts[0].Pos()).Line == h.p.Fset.Position(lit.Lbrace).Line:
		field += ", "
	default:
		field = "\n" + h.p.Indent(lit.Elts[0].Pos()) + field + ","
	}
	edits = append(edits, analysis.TextEdit{Pos: lit.Lbrace + 1, End: lit.Lbrace + 1, NewText: []byte(field)})
	return []analysis.SuggestedFix{{Message: "give the client a Timeout of 30 seconds", TextEdits: edits}}
}

// clientFix sends http.Get's request through a client with a Timeout.
func (h *clients) clientFix(call *ast.CallExpr, sel *ast.SelectorExpr, name string) []analysis.SuggestedFix {
	pkg, ok := sel.X.(*ast.Ident)
	file := h.p.File(call.Pos())
	if !ok || file == nil {
		return nil
	}
	tm, edits := code.Import(file, "time", "time")
	text := "(&" + pkg.Name + ".Client{Timeout: " + timeout(tm) + "})." + name
	edits = append(edits, analysis.TextEdit{Pos: call.Fun.Pos(), End: call.Fun.End(), NewText: []byte(text)})
	return []analysis.SuggestedFix{{Message: "send it through a client with a Timeout of 30 seconds", TextEdits: edits}}
}
