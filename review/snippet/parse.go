package snippet

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"strings"
)

// parse reads src as a Go file. Code without a package clause is read as
// if it had one, on its first line so the line numbers stay the reader's.
// It returns the problem to show instead when there is no file to check,
// and its line.
func parse(fset *token.FileSet, src string) (*ast.File, int, string) {
	f, err := parser.ParseFile(fset, "pasted.go", src, parser.ParseComments|parser.SkipObjectResolution)
	if err == nil {
		return f, 0, ""
	}
	if !noPackageClause(err) {
		return nil, firstLine(err), "Syntax error: " + firstError(err)
	}
	f, err2 := parser.ParseFile(fset, "pasted.go", "package pasted; "+src, parser.ParseComments|parser.SkipObjectResolution)
	if err2 == nil {
		return f, 0, ""
	}
	if firstLine(err2) <= 1 && !strings.Contains(src, "func ") {
		return nil, 0, "This does not look like Go: a Go file starts with a package clause, then imports and declarations (" + firstError(err) + ")."
	}
	return nil, firstLine(err2), "Syntax error: " + firstError(err2)
}

func noPackageClause(err error) bool {
	var list scanner.ErrorList
	return errors.As(err, &list) && len(list) > 0 && strings.Contains(list[0].Msg, "expected 'package'")
}

// firstError is the first error alone, "line:column: message", without
// the file name the reader never gave.
func firstError(err error) string {
	var list scanner.ErrorList
	if errors.As(err, &list) && len(list) > 0 {
		e := list[0]
		s := fmt.Sprintf("line %d, column %d: %s", e.Pos.Line, e.Pos.Column, e.Msg)
		if len(list) > 1 {
			s += fmt.Sprintf(" (and %d more)", len(list)-1)
		}
		return s
	}
	return err.Error()
}

func firstLine(err error) int {
	var list scanner.ErrorList
	if errors.As(err, &list) && len(list) > 0 {
		return list[0].Pos.Line
	}
	return 0
}
