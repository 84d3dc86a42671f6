package site

import (
	"maps"
	"slices"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/web/picture"
	"github.com/concurrency-patterns/playground/web/playground"
)

// pictures draws the still of each demo once per build: a demo on its
// page and the same demo on the index's map of the patterns share one.
type pictures map[string]*playground.Picture

func (c pictures) paint(s *scenario.Scenario, v scenario.Values) (*playground.Picture, error) {
	raw := v.Raw()
	key := s.Name
	for _, k := range slices.Sorted(maps.Keys(raw)) {
		key += "&" + k + "=" + raw[k]
	}
	if p, ok := c[key]; ok {
		return p, nil
	}
	pic, err := picture.Of(s, v)
	if err != nil {
		return nil, err
	}
	p := &playground.Picture{Legend: pic.Kit.Legend, T: pic.T}
	if p.Wide, err = pic.SVG(false); err != nil {
		return nil, err
	}
	if p.Narrow, err = pic.SVG(true); err != nil {
		return nil, err
	}
	c[key] = p
	return p, nil
}
