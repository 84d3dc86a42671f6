package code

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// File is the file of the pass that holds pos.
func (p *Pass) File(pos token.Pos) *ast.File {
	for _, f := range p.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// Indent is the indentation of the line pos is on, assuming gofmt's tabs.
func (p *Pass) Indent(pos token.Pos) string {
	col := p.Fset.Position(pos).Column
	return strings.Repeat("\t", max(col-1, 0))
}

// Import is the name file refers to package path by, and the edit that
// adds the import when the file lacks it (nil then when it has it).
func Import(file *ast.File, path, name string) (string, []analysis.TextEdit) {
	for _, spec := range file.Imports {
		if p, _ := strconv.Unquote(spec.Path.Value); p == path {
			if spec.Name != nil {
				return spec.Name.Name, nil
			}
			return name, nil
		}
	}
	for _, d := range file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		if gd.Lparen.IsValid() {
			return name, []analysis.TextEdit{{Pos: gd.Lparen + 1, End: gd.Lparen + 1,
				NewText: []byte("\n\t" + strconv.Quote(path))}}
		}
		spec := gd.Specs[0].(*ast.ImportSpec) // import "x" becomes import ( "x"; path )
		old := spec.Path.Value
		if spec.Name != nil {
			old = spec.Name.Name + " " + old
		}
		return name, []analysis.TextEdit{{Pos: gd.Pos(), End: gd.End(),
			NewText: []byte("import (\n\t" + old + "\n\t" + strconv.Quote(path) + "\n)")}}
	}
	end := file.Name.End()
	return name, []analysis.TextEdit{{Pos: end, End: end,
		NewText: []byte("\n\nimport " + strconv.Quote(path))}}
}

// Qualifier writes package names as file imports them.
func Qualifier(file *ast.File, pkg *types.Package) types.Qualifier {
	return func(other *types.Package) string {
		if other == pkg {
			return ""
		}
		for _, spec := range file.Imports {
			if p, _ := strconv.Unquote(spec.Path.Value); p == other.Path() && spec.Name != nil {
				return spec.Name.Name
			}
		}
		return other.Name()
	}
}

// Zero is the source text of t's zero value, or "" when there is no
// short way to write it (a type parameter).
func Zero(t types.Type, q types.Qualifier) string {
	if _, isParam := types.Unalias(t).(*types.TypeParam); isParam {
		return ""
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsBoolean != 0:
			return "false"
		case u.Info()&types.IsNumeric != 0:
			return "0"
		case u.Info()&types.IsString != 0:
			return `""`
		case u.Kind() == types.UnsafePointer:
			return "nil"
		}
	case *types.Pointer, *types.Slice, *types.Map, *types.Chan, *types.Signature, *types.Interface:
		return "nil"
	case *types.Struct, *types.Array:
		return types.TypeString(t, q) + "{}"
	}
	return ""
}
