package unbounded

import (
	"go/ast"
	"go/types"

	"github.com/concurrency-patterns/playground/review/internal/code"
	"github.com/concurrency-patterns/playground/review/internal/finding"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

const errgroupPath = "golang.org/x/sync/errgroup"

// checkGroup reports g.Go in a loop or handler when g is a local
// errgroup.Group that nothing limits.
func checkGroup(p *code.Pass, c inspector.Cursor, call *ast.CallExpr) {
	if !code.IsMethod(p.Callee(call), errgroupPath, "Group", "Go") {
		return
	}
	sel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return
	}
	g, ok := p.TypesInfo.Uses[id].(*types.Var)
	fn, inFunc := code.Func(c)
	if !ok || !inFunc || g.IsField() || g.Parent() == p.Pkg.Scope() {
		return
	}
	region, where := spawnSite(p, c)
	if region == nil {
		return
	}
	var task *ast.BlockStmt
	if len(call.Args) == 1 {
		if lit, ok := ast.Unparen(call.Args[0]).(*ast.FuncLit); ok {
			task = lit.Body
		}
	}
	decl, declared, limited := groupUse(p, outermost(c, fn), g)
	if limited || !declared || p.Paced(region, call.Pos(), task) {
		return
	}
	finding.Report(p.Pass, finding.Finding{
		Q: finding.Bounded, Pos: call.Pos(), End: call.End(), Params: demo,
		Why:   id.Name + ".Go starts a goroutine " + where + " and " + id.Name + " has no SetLimit",
		Fixes: limitFix(p, decl, id.Name),
	})
}

// outermost is the function declaration around c, or the outermost
// function literal when c is in none.
func outermost(c, fn inspector.Cursor) ast.Node {
	for f := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		fn = f
	}
	return fn.Node()
}

// groupUse looks at every use of g in fn: limited is true when SetLimit is
// called on it or when it is used other than through its methods (handed
// to a function that may limit it); declared is true when g is declared
// in fn, and decl is the statement of a block that does, if one does.
func groupUse(p *code.Pass, fn ast.Node, g *types.Var) (decl ast.Stmt, declared, limited bool) {
	var stack []ast.Node
	ast.Inspect(fn, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		stack = append(stack, n)
		id, ok := n.(*ast.Ident)
		if !ok {
			return true
		}
		switch {
		case p.TypesInfo.Defs[id] == g:
			decl, declared = declStmt(stack), true
		case p.TypesInfo.Uses[id] == g:
			sel, ok := stack[len(stack)-2].(*ast.SelectorExpr)
			if !ok || sel.X != id {
				limited = true // &g, or g handed on
			} else if sel.Sel.Name == "SetLimit" {
				limited = true
			}
		}
		return true
	})
	return decl, declared, limited
}

// declStmt is the statement on stack that declares its last node, when
// it is a statement of a block, where another can follow it.
func declStmt(stack []ast.Node) ast.Stmt {
	for i := len(stack) - 1; i > 0; i-- {
		switch s := stack[i].(type) {
		case *ast.AssignStmt, *ast.DeclStmt:
			if _, inBlock := stack[i-1].(*ast.BlockStmt); inBlock {
				return s.(ast.Stmt)
			}
			return nil
		}
	}
	return nil
}

// limitFix adds g.SetLimit(runtime.GOMAXPROCS(0)) after decl.
func limitFix(p *code.Pass, decl ast.Stmt, g string) []analysis.SuggestedFix {
	if decl == nil {
		return nil
	}
	file := p.File(decl.Pos())
	if file == nil {
		return nil
	}
	rt, edits := code.Import(file, "runtime", "runtime")
	text := "\n" + p.Indent(decl.Pos()) + g + ".SetLimit(" + rt + ".GOMAXPROCS(0))"
	edits = append(edits, analysis.TextEdit{Pos: decl.End(), End: decl.End(), NewText: []byte(text)})
	return []analysis.SuggestedFix{{
		Message:   "limit " + g + " to GOMAXPROCS goroutines at once",
		TextEdits: edits,
	}}
}
