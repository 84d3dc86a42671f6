package playground

import (
	"encoding/json"
	"html/template"
	"strconv"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// tryOpen is a moment's button as the page is built: disabled, so that
// without the demo it reads as the text it holds; the demo enables it.
var tryOpen = template.Must(template.New("try").Parse(
	`<button type="button" class="pg-try" data-params="{{.Params}}" data-stop="{{.Stop}}" data-nth="{{.Nth}}"{{if .Demo}} data-demo="{{.Demo}}"{{end}} disabled>`))

func (r nodeRenderer) renderTry(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*Try)
	if n.Err != nil {
		return ast.WalkStop, n.Err
	}
	if !entering {
		_, _ = w.WriteString("</button>")
		return ast.WalkContinue, nil
	}
	params, _ := json.Marshal(n.Params) // a map of strings always encodes
	return ast.WalkContinue, tryOpen.Execute(w, struct {
		Params, Stop, Nth string
		Demo              int
	}{string(params), n.Stop, strconv.Itoa(n.Nth), n.Demo})
}
