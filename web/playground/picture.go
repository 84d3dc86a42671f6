package playground

import (
	"html/template"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/view"
)

// Picture is a still of a demo's run, drawn at build time: an SVG of the
// moment the demo's still frame shows, for wide screens and for phones,
// and what its colours mean.
type Picture struct {
	Wide, Narrow template.HTML // <svg> elements, escaped by their renderer
	Legend       []view.Key
	T            float64 // the moment shown, in virtual ms
}

// Painter draws the picture of a demo of s with v.
type Painter func(s *scenario.Scenario, v scenario.Values) (*Picture, error)
