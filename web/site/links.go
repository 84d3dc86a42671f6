package site

import (
	"fmt"
	"net/url"
	"path"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// checkLinks refuses a link or image that would break on the built site:
// a root-relative URL (it would miss the sub-path of a project site) or a
// relative one to a file the site does not have. files holds every output
// file by slash-separated path. Links with a scheme or a host are external
// and not checked.
func checkLinks(p *page, files map[string]bool) error {
	return ast.Walk(p.doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var dest []byte
		switch n := n.(type) {
		case *ast.Link:
			dest = n.Destination
		case *ast.Image:
			dest = n.Destination
		default:
			return ast.WalkContinue, nil
		}
		return ast.WalkContinue, checkLink(string(dest), files)
	})
}

func checkLink(dest string, files map[string]bool) error {
	u, err := url.Parse(dest)
	switch {
	case err != nil:
		return fmt.Errorf("link %q: %w", dest, err)
	case u.Scheme != "" || u.Host != "" || u.Path == "":
		return nil // external, or a fragment of this page
	case strings.HasPrefix(u.Path, "/"):
		return fmt.Errorf("link %q is root-relative; write it relative to the page (%s) so the site also works under a sub-path",
			dest, strings.TrimLeft(dest, "/"))
	case !files[path.Clean(u.Path)]:
		return fmt.Errorf("link %q points to a file the site does not have", dest)
	}
	return nil
}
