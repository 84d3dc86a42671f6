package snippet

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
)

// importer type-checks the stub of an import from its source on first use
// and refuses any other import, which go/types then treats as a package
// whose names all have unknown types.
type importer struct {
	fset    *token.FileSet
	pkgs    map[string]*types.Package
	unknown []string
}

func newImporter(fset *token.FileSet) *importer {
	return &importer{fset: fset, pkgs: map[string]*types.Package{}}
}

func (im *importer) Import(path string) (*types.Package, error) {
	if p, ok := im.pkgs[path]; ok {
		return p, nil
	}
	src, ok := stubs[path]
	if !ok {
		if !slices.Contains(im.unknown, path) {
			im.unknown = append(im.unknown, path)
		}
		return nil, fmt.Errorf("no declarations of %q here", path)
	}
	f, err := parser.ParseFile(im.fset, "stub/"+path+".go", src, parser.SkipObjectResolution)
	if err != nil {
		return nil, fmt.Errorf("stub of %s: %v", path, err) // a bug here; the stub tests catch it
	}
	conf := types.Config{Importer: im}
	p, err := conf.Check(path, im.fset, []*ast.File{f}, nil)
	if err != nil {
		return nil, fmt.Errorf("stub of %s: %v", path, err)
	}
	im.pkgs[path] = p
	return p, nil
}

// Stubbed lists the imports whose declarations the page knows.
func Stubbed() []string {
	var paths []string
	for p := range stubs {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	return paths
}
