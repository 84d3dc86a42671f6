package playground

import (
	_ "embed"
	"encoding/json"
	"html/template"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"github.com/concurrency-patterns/playground/internal/view"
)

//go:embed fallback.html
var fallbackHTML string

// mount is the markup of a demo's mount point and its fallback; the
// template escapes the JSON for its attribute.
var mount = template.Must(template.New("playground").Funcs(template.FuncMap{"ms": view.Ms}).Parse(fallbackHTML))

// mountView is what the mount template shows.
type mountView struct {
	Name, Title string
	Params      string // the parameters the fence sets, as a JSON object of strings
	Settings    []setting
	Picture     *Picture // nil without a painter
	// Label names a side of a pair by its difference; "" for a demo alone.
	Label string
	Side  int // which side of its pair, 0 or 1
}

// setting is one parameter as the fallback lists it.
type setting struct{ Name, Value, Help string }

// nodeRenderer writes a [Node] as a demo's mount point.
type nodeRenderer struct{ paint Painter }

func (r nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindPlayground, r.render)
	reg.Register(KindTry, r.renderTry)
}

func (r nodeRenderer) render(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*Node)
	if n.Err != nil {
		return ast.WalkStop, n.Err
	}
	if n.Pair != nil {
		return ast.WalkSkipChildren, r.renderPair(w, n)
	}
	v := n.view()
	if r.paint != nil {
		pic, err := r.paint(n.Scenario, n.Values)
		if err != nil {
			return ast.WalkStop, &Error{Line: n.Line, Scenario: n.Scenario.Name, Message: "its picture could not be drawn: " + err.Error()}
		}
		v.Picture = pic
	}
	return ast.WalkSkipChildren, mount.Execute(w, v)
}

func (n *Node) view() mountView {
	raw := n.Values.Raw()
	set := make(map[string]string, len(n.Set))
	for _, name := range n.Set {
		set[name] = raw[name]
	}
	params, _ := json.Marshal(set) // a map of strings always encodes
	v := mountView{Name: n.Scenario.Name, Title: n.Scenario.Title, Params: string(params)}
	for _, p := range n.Scenario.Params {
		v.Settings = append(v.Settings, setting{Name: p.Name, Value: raw[p.Name], Help: p.Help})
	}
	return v
}
