package source

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"strings"
)

// Find returns the source text of the declaration name in the Go file at
// path within root: its doc comment and the declaration, or only the body
// of an Example function.
func Find(root fs.FS, path, name string) (string, error) {
	src, err := fs.ReadFile(root, path)
	if err != nil {
		return "", err
	}
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, path, src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return "", err
	}
	text := func(from, to token.Pos) string {
		return string(src[fset.Position(from).Offset:fset.Position(to).Offset])
	}
	for _, d := range file.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if funcName(d) != name {
				continue
			}
			if strings.HasPrefix(name, "Example") && d.Body != nil {
				return dedent(text(d.Body.Lbrace+1, d.Body.Rbrace)), nil
			}
			return text(start(d.Doc, d.Pos()), d.End()), nil
		case *ast.GenDecl:
			if s, ok := genText(d, name, text); ok {
				return s, nil
			}
		}
	}
	return "", fmt.Errorf("%s has no declaration %s", path, name)
}

// funcName is "F" for a function and "T.M" for a method of T or *T.
func funcName(d *ast.FuncDecl) string {
	if d.Recv == nil || len(d.Recv.List) == 0 {
		return d.Name.Name
	}
	t := d.Recv.List[0].Type
	if star, ok := t.(*ast.StarExpr); ok {
		t = star.X
	}
	switch r := t.(type) {
	case *ast.IndexExpr: // a generic receiver, T[X]
		t = r.X
	case *ast.IndexListExpr:
		t = r.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name + "." + d.Name.Name
	}
	return d.Name.Name
}

// genText finds name among the specs of a type, var or const declaration.
// A lone spec comes with its keyword; one of a group comes alone.
func genText(d *ast.GenDecl, name string, text func(from, to token.Pos) string) (string, bool) {
	for _, spec := range d.Specs {
		var names []*ast.Ident
		var doc *ast.CommentGroup
		switch s := spec.(type) {
		case *ast.TypeSpec:
			names, doc = []*ast.Ident{s.Name}, s.Doc
		case *ast.ValueSpec:
			names, doc = s.Names, s.Doc
		}
		for _, n := range names {
			if n.Name != name {
				continue
			}
			if !d.Lparen.IsValid() {
				return text(start(d.Doc, d.Pos()), d.End()), true
			}
			return text(start(doc, spec.Pos()), spec.End()), true
		}
	}
	return "", false
}

func start(doc *ast.CommentGroup, pos token.Pos) token.Pos {
	if doc != nil {
		return doc.Pos()
	}
	return pos
}

// dedent removes the blank lines around a body and the indent its lines
// share.
func dedent(s string) string {
	lines := strings.Split(strings.Trim(s, "\n"), "\n")
	common := ""
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		indent := l[:len(l)-len(strings.TrimLeft(l, " \t"))]
		if i == 0 || len(indent) < len(common) {
			common = indent
		}
	}
	for i, l := range lines {
		lines[i] = strings.TrimPrefix(l, common)
	}
	return strings.Join(lines, "\n") + "\n"
}
