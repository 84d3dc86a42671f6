package form

import (
	"slices"

	"github.com/concurrency-patterns/playground/internal/scenario"
)

// Merge overlays sources on the scenario's defaults, later sources winning.
// It returns the raw values of every parameter of s and, sorted, the names
// in the sources that are not parameters of s; those are left out. The
// playground's own names ([Reserved]) are left out silently.
func Merge(s *scenario.Scenario, sources ...map[string]string) (raw map[string]string, unknown []string) {
	raw = s.Defaults()
	for _, src := range sources {
		for name, v := range src {
			if IsReserved(name) {
				continue
			}
			if _, ok := s.Param(name); !ok {
				if !slices.Contains(unknown, name) {
					unknown = append(unknown, name)
				}
				continue
			}
			raw[name] = v
		}
	}
	slices.Sort(unknown)
	return raw, unknown
}

// Messages sorts validation errors by field: what to show next to each
// parameter's input. Errors about names that are not parameters of s go in
// other, in order.
func Messages(s *scenario.Scenario, errs []scenario.FieldError) (byField map[string]string, other []string) {
	byField = map[string]string{}
	for _, e := range errs {
		if _, ok := s.Param(e.Param); !ok {
			other = append(other, e.Error())
			continue
		}
		if _, seen := byField[e.Param]; !seen { // the first error names the cause
			byField[e.Param] = e.Message
		}
	}
	return byField, other
}

// QueryUpdate says how to change a URL query so it holds exactly the
// parameters of v that differ from base (the page's values): set those,
// delete the others. Query parameters that belong to no parameter of s are
// not touched.
func QueryUpdate(s *scenario.Scenario, v scenario.Values, base map[string]string) (set map[string]string, del []string) {
	baseline, _ := s.Parse(base) // a page's bad default still compares by its valid rest
	set = map[string]string{}
	want, was := v.Raw(), baseline.Raw()
	for _, p := range s.Params {
		if want[p.Name] != was[p.Name] {
			set[p.Name] = want[p.Name]
		} else {
			del = append(del, p.Name)
		}
	}
	return set, del
}
