package code

import (
	"go/ast"
	"go/types"
	"slices"
)

// IsNamed reports whether t, or what it points to, is the named type
// pkg.name (pkg a full import path).
func IsNamed(t types.Type, pkg, name string) bool {
	if t == nil {
		return false
	}
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		t = ptr.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj := n.Origin().Obj()
	return obj.Name() == name && obj.Pkg() != nil && obj.Pkg().Path() == pkg
}

// IsFunc reports whether fn is the package-level function pkg.name for
// one of names.
func IsFunc(fn *types.Func, pkg string, names ...string) bool {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != pkg {
		return false
	}
	sig := fn.Type().(*types.Signature)
	return sig.Recv() == nil && slices.Contains(names, fn.Name())
}

// IsMethod reports whether fn is a method of pkg.typ (or of its pointer)
// named one of names.
func IsMethod(fn *types.Func, pkg, typ string, names ...string) bool {
	if fn == nil {
		return false
	}
	recv := fn.Type().(*types.Signature).Recv()
	return recv != nil && IsNamed(recv.Type(), pkg, typ) && slices.Contains(names, fn.Name())
}

// IsContext reports whether t is context.Context.
func IsContext(t types.Type) bool { return IsNamed(t, "context", "Context") }

// IsChan reports whether t is a channel type, and if one can send on it.
func IsChan(t types.Type) (isChan, canSend bool) {
	if t == nil {
		return false, false
	}
	ch, ok := t.Underlying().(*types.Chan)
	if !ok {
		return false, false
	}
	return true, ch.Dir() != types.RecvOnly
}

// IsFuncType reports whether t is a function type.
func IsFuncType(t types.Type) bool {
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Signature)
	return ok
}

// IsBackgroundCall reports whether e is context.Background() or
// context.TODO(): a context that never ends.
func (p *Pass) IsBackgroundCall(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	return ok && IsFunc(p.Callee(call), "context", "Background", "TODO")
}

// Signature is the type of a function declaration or literal.
func (p *Pass) Signature(fn ast.Node) *types.Signature {
	var t types.Type
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		if obj := p.TypesInfo.Defs[fn.Name]; obj != nil {
			t = obj.Type()
		}
	case *ast.FuncLit:
		t = p.TypesInfo.TypeOf(fn)
	}
	sig, _ := t.(*types.Signature)
	return sig
}
