package unowned

import (
	"go/ast"
	"go/types"
	"go/version"

	"github.com/concurrency-patterns/playground/review/internal/code"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// waitGroupFix turns go func() { … }() into wg.Go(func() { … }) when the
// function the go statement is in waits on wg, a sync.WaitGroup variable
// declared before it, and the file's Go has WaitGroup.Go.
func waitGroupFix(p *code.Pass, c inspector.Cursor, g *ast.GoStmt) []analysis.SuggestedFix {
	lit, ok := g.Call.Fun.(*ast.FuncLit)
	if !ok || len(g.Call.Args) > 0 || lit.Type.Params.NumFields() > 0 || !hasWaitGroupGo(p, g) {
		return nil
	}
	fn, ok := code.Func(c)
	if !ok {
		return nil
	}
	wg := waitedGroup(p, code.Body(fn.Node()), g)
	if wg == nil {
		return nil
	}
	return []analysis.SuggestedFix{{
		Message: "start it with " + wg.Name() + ".Go, so that " + wg.Name() + ".Wait waits for it",
		TextEdits: []analysis.TextEdit{
			{Pos: g.Go, End: lit.Pos(), NewText: []byte(wg.Name() + ".Go(")},
			{Pos: g.Call.Lparen, End: g.Call.Rparen + 1, NewText: []byte(")")},
		},
	}}
}

// waitedGroup is a sync.WaitGroup variable in scope at g whose Wait is
// called in body.
func waitedGroup(p *code.Pass, body *ast.BlockStmt, g *ast.GoStmt) *types.Var {
	var wg *types.Var
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || wg != nil || !code.IsMethod(p.Callee(call), "sync", "WaitGroup", "Wait") {
			return wg == nil
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return true
		}
		id, ok := ast.Unparen(sel.X).(*ast.Ident)
		if !ok {
			return true
		}
		v, ok := p.TypesInfo.Uses[id].(*types.Var)
		if !ok || v.IsField() || p.Pkg == nil {
			return true
		}
		if _, seen := p.Pkg.Scope().Innermost(g.Pos()).LookupParent(v.Name(), g.Pos()); seen == v {
			wg = v // in scope at g, under the same name
		}
		return true
	})
	return wg
}

// hasWaitGroupGo reports whether the file g is in may use WaitGroup.Go,
// new in Go 1.25. A file of unknown version (pasted code) may.
func hasWaitGroupGo(p *code.Pass, g *ast.GoStmt) bool {
	v := ""
	if f := p.File(g.Pos()); f != nil {
		v = p.TypesInfo.FileVersions[f]
	}
	if v == "" && p.Pkg != nil {
		v = p.Pkg.GoVersion()
	}
	return v == "" || version.Compare(v, "go1.25") >= 0
}
