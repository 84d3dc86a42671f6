package nodeadline

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/concurrency-patterns/playground/review/internal/code"
	"golang.org/x/tools/go/analysis"
)

// selectFix waits for u in a select that also ends with ctx, returning
// ctx.Err(), when the function returns an error last and the statement
// holding u is <-ch, v := <-ch or v = <-ch.
func selectFix(p *code.Pass, sig *types.Signature, stack []ast.Node, u *ast.UnaryExpr, ctx *types.Var) []analysis.SuggestedFix {
	res := sig.Results()
	file := p.File(u.Pos())
	if res.Len() == 0 || !isError(res.At(res.Len()-1).Type()) || file == nil || len(stack) < 3 || p.Pkg == nil {
		return nil
	}
	if _, obj := p.Pkg.Scope().Innermost(u.Pos()).LookupParent(ctx.Name(), u.Pos()); obj != ctx {
		return nil
	}
	q := code.Qualifier(file, p.Pkg)
	var ret []string
	for i := range res.Len() - 1 {
		z := code.Zero(res.At(i).Type(), q)
		if z == "" {
			return nil
		}
		ret = append(ret, z)
	}
	ret = append(ret, ctx.Name()+".Err()")
	switch stack[len(stack)-3].(type) {
	case *ast.BlockStmt, *ast.CaseClause:
	default:
		return nil // an if or switch header: no room for a select
	}
	stmt, ok := stack[len(stack)-2].(ast.Stmt)
	if !ok {
		return nil
	}
	recv := source(p, u)
	head, comm := "", recv
	ind := p.Indent(stmt.Pos())
	switch s := stmt.(type) {
	case *ast.ExprStmt:
	case *ast.AssignStmt:
		id, ok := s.Lhs[0].(*ast.Ident)
		if len(s.Lhs) != 1 || len(s.Rhs) != 1 || !ok {
			return nil
		}
		switch {
		case id.Name == "_":
		case s.Tok == token.DEFINE:
			head = "var " + id.Name + " " + types.TypeString(p.TypesInfo.TypeOf(id), q) + "\n" + ind
			comm = id.Name + " = " + recv
		case s.Tok == token.ASSIGN:
			comm = id.Name + " = " + recv
		default:
			return nil
		}
	default:
		return nil
	}
	text := head + "select {\n" + ind + "case " + comm + ":\n" + ind + "case <-" + ctx.Name() + ".Done():\n" +
		ind + "\treturn " + strings.Join(ret, ", ") + "\n" + ind + "}"
	return []analysis.SuggestedFix{{
		Message:   "wait in a select that also ends when " + ctx.Name() + " does",
		TextEdits: []analysis.TextEdit{{Pos: stmt.Pos(), End: stmt.End(), NewText: []byte(text)}},
	}}
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}
