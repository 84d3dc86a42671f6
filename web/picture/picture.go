package picture

import (
	"bytes"
	"html/template"
	"strings"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/view"
	"github.com/concurrency-patterns/playground/internal/view/visuals"
)

// The widths a picture is drawn at, in CSS pixels: about the width of a
// demo's canvas on a phone and on a desktop. A layout depends on its
// width (a phone gets fewer columns and shorter words), so each screen
// gets the drawing made for it rather than one scaled.
const (
	NarrowW = 300.0
	WideW   = 646.0
)

// Picture is a run of a demo at its still moment (see [view.Kit.StillOf]),
// drawn for both widths.
type Picture struct {
	Kit          view.Kit
	T, End       float64 // the moment shown and the run's length, in virtual ms
	Narrow, Wide view.Plan
}

// Of runs s with v natively and draws the moment a still picture of the
// run shows, from the same plans the demo's canvas is painted from.
func Of(s *scenario.Scenario, v scenario.Values) (*Picture, error) {
	trace, err := Record(s, v)
	if err != nil {
		return nil, err
	}
	kit := visuals.For(s.Name)
	vis := kit.New(trace, v)
	t := kit.StillOf(trace)
	return &Picture{Kit: kit, T: t, End: vis.End(), Narrow: vis.Plan(t, NarrowW), Wide: vis.Plan(t, WideW)}, nil
}

// SVG writes the drawing for wide screens, or for phones when narrow is
// set, as an <svg> element.
func (p *Picture) SVG(narrow bool) (template.HTML, error) {
	plan := p.Wide
	if narrow {
		plan = p.Narrow
	}
	// The picture's captions say in words what it shows; the labels of
	// single items would be noise.
	total := "of " + view.Ms(p.End) + " virtual ms" // the clock's, said in the first words
	words := []string{"The demo's run at " + view.Ms(p.T) + " " + total}
	for _, t := range plan.Texts {
		if t.Font == view.FontCaption && t.S != total {
			words = append(words, t.S)
		}
	}
	label := strings.Join(words, "; ") + "."
	var b bytes.Buffer
	if err := WriteSVG(&b, plan, "pg-picture", label); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil // the template escaped every text and attribute
}
