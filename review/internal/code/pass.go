package code

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// Pass is an analysis pass with the lookups the checks share.
type Pass struct {
	*analysis.Pass
	In    *inspector.Inspector
	decls map[*types.Func]*ast.FuncDecl
}

// New wraps pass, whose analyzer must require [inspect.Analyzer].
func New(pass *analysis.Pass) *Pass {
	p := &Pass{Pass: pass, In: pass.ResultOf[inspect.Analyzer].(*inspector.Inspector),
		decls: make(map[*types.Func]*ast.FuncDecl)}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					p.decls[fn] = fd
				}
			}
		}
	}
	return p
}

// Skip reports whether the checks leave c's node alone: it is test code
// (a _test.go file, or a function that takes a *testing.T or a
// testing.TB), which spawns per case and waits by design; generated code,
// which its generator answers for; or an init function, whose goroutines
// live as long as the process.
func (p *Pass) Skip(c inspector.Cursor) bool {
	pos := c.Node().Pos()
	if strings.HasSuffix(p.Fset.Position(pos).Filename, "_test.go") {
		return true
	}
	if f := p.File(pos); f != nil && ast.IsGenerated(f) {
		return true
	}
	return p.inInitOrTest(c)
}

// Callee is the function or method a call calls, an interface's method
// included, or nil for a call of a function value, a conversion or a
// builtin.
func (p *Pass) Callee(call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(p.TypesInfo, call).(*types.Func)
	if fn == nil {
		return nil
	}
	return fn.Origin()
}

// Decl is the declaration of fn when it is a function of this package.
func (p *Pass) Decl(fn *types.Func) *ast.FuncDecl {
	if fn == nil {
		return nil
	}
	return p.decls[fn.Origin()]
}

// Builtin reports whether call calls a builtin of the given name (close,
// len, recover, …) or, with no name, any builtin or a conversion.
func (p *Pass) Builtin(call *ast.CallExpr, name string) bool {
	if tv, ok := p.TypesInfo.Types[call.Fun]; ok && tv.IsType() {
		return name == ""
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := p.TypesInfo.Uses[id].(*types.Builtin)
	return ok && (name == "" || b.Name() == name)
}

// ObjectOf is the variable or constant an identifier or field selector
// denotes, or nil.
func (p *Pass) ObjectOf(e ast.Expr) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return p.TypesInfo.ObjectOf(e)
	case *ast.SelectorExpr:
		return p.TypesInfo.ObjectOf(e.Sel)
	}
	return nil
}
