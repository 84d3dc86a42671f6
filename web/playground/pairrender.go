package playground

import (
	_ "embed"
	"html/template"
	"strings"

	"github.com/yuin/goldmark/util"
)

//go:embed pair.html
var pairHTML string

// pairMount is the markup of a pair: the two sides' mount points, each
// under its label, and the line that says how their runs differ, which
// the demo fills in.
var pairMount = template.Must(template.New("pair").Parse(pairHTML))

// pairView is what the pair template shows.
type pairView struct {
	Name, Title string
	Labels      [2]string
	Sides       []pairSide
}

type pairSide struct {
	Label string
	Mount template.HTML // the side's mount point, escaped by its template
}

// renderPair writes a pair's mount point: each side is a demo of its own,
// with its still picture, which the page's script ties to one clock.
func (r nodeRenderer) renderPair(w util.BufWriter, n *Node) error {
	sides := [2]*Node{n, {Scenario: n.Scenario, Values: n.Pair.Values, Set: n.Pair.Set, Line: n.Line}}
	pv := pairView{Name: n.Scenario.Name, Title: n.Scenario.Title, Labels: n.Pair.Labels}
	for i, s := range sides {
		v := s.view()
		v.Side, v.Label = i, n.Pair.Labels[i]
		if r.paint != nil {
			pic, err := r.paint(s.Scenario, s.Values)
			if err != nil {
				return &Error{Line: n.Line, Scenario: n.Scenario.Name, Message: "the picture of side " + n.Pair.Labels[i] + " could not be drawn: " + err.Error()}
			}
			v.Picture = pic
		}
		var b strings.Builder
		if err := mount.Execute(&b, v); err != nil {
			return err
		}
		pv.Sides = append(pv.Sides, pairSide{Label: n.Pair.Labels[i], Mount: template.HTML(b.String())}) // escaped by mount
	}
	return pairMount.Execute(w, pv)
}
