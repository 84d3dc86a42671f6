package playground

import (
	_ "embed"
	"encoding/json"
	"html/template"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

//go:embed fallback.html
var fallbackHTML string

// mount is the markup of a demo's mount point and its fallback; the
// template escapes the JSON for its attribute.
var mount = template.Must(template.New("playground").Parse(fallbackHTML))

// view is what the mount template shows.
type view struct {
	Name, Title string
	Params      string // the parameters the fence sets, as a JSON object of strings
	Settings    []setting
}

// setting is one parameter as the fallback lists it.
type setting struct{ Name, Value, Help string }

// nodeRenderer writes a [Node] as a demo's mount point.
type nodeRenderer struct{}

func (nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindPlayground, render)
}

func render(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*Node)
	if n.Err != nil {
		return ast.WalkStop, n.Err
	}
	return ast.WalkSkipChildren, mount.Execute(w, n.view())
}

func (n *Node) view() view {
	raw := n.Values.Raw()
	set := make(map[string]string, len(n.Set))
	for _, name := range n.Set {
		set[name] = raw[name]
	}
	params, _ := json.Marshal(set) // a map of strings always encodes
	v := view{Name: n.Scenario.Name, Title: n.Scenario.Title, Params: string(params)}
	for _, p := range n.Scenario.Params {
		v.Settings = append(v.Settings, setting{Name: p.Name, Value: raw[p.Name], Help: p.Help})
	}
	return v
}
