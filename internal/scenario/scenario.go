package scenario

import (
	"context"
	"fmt"
	"slices"
	"sort"

	"github.com/concurrency-patterns/playground/patterns/clock"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// Scenario is a pattern on a simulated workload, described well enough to
// validate its parameters, draw a form for them, and run it.
type Scenario struct {
	Name    string // as used in URLs and window.playgrounds, e.g. "stream"
	Title   string
	Params  []Param
	Summary []string // the keys of a run's summary, in display order

	// run executes the workload to the end on clk, reporting to hook.
	run func(ctx context.Context, v Values, clk clock.Clock, hook event.Hook) error
	// checks applies the scenario's own rules across parameters; nil for none.
	checks func(v Values) []FieldError
	// summarize derives the summary from the trace (virtual_ms is added).
	summarize func(v Values, trace []event.Record) map[string]float64
}

var registry = map[string]*Scenario{}

func register(s *Scenario) *Scenario {
	registry[s.Name] = s
	return s
}

// Lookup returns the scenario with the given name.
func Lookup(name string) (*Scenario, bool) {
	s, ok := registry[name]
	return s, ok
}

// Names lists every scenario, sorted.
func Names() []string {
	names := make([]string, 0, len(registry))
	for n := range registry {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Param returns the parameter with the given name.
func (s *Scenario) Param(name string) (Param, bool) {
	i := slices.IndexFunc(s.Params, func(p Param) bool { return p.Name == name })
	if i < 0 {
		return Param{}, false
	}
	return s.Params[i], true
}

// Defaults returns every parameter at its default, as text.
func (s *Scenario) Defaults() map[string]string {
	out := make(map[string]string, len(s.Params))
	for _, p := range s.Params {
		out[p.Name] = p.Default
	}
	return out
}

// Parse validates raw values; parameters left out take their defaults.
// Every problem is reported, each naming its parameter, in the order of
// s.Params (unknown names last, sorted).
func (s *Scenario) Parse(raw map[string]string) (Values, []FieldError) {
	v := Values{raw: map[string]string{}, num: map[string]float64{}}
	var errs []FieldError
	for _, p := range s.Params {
		text, ok := raw[p.Name]
		if !ok {
			text = p.Default
		}
		canon, f, err := p.parse(text)
		if err != nil {
			errs = append(errs, FieldError{Param: p.Name, Message: err.Error()})
			continue
		}
		v.raw[p.Name], v.num[p.Name] = canon, f
	}
	var unknown []string
	for name := range raw {
		if _, ok := s.Param(name); !ok {
			unknown = append(unknown, name)
		}
	}
	sort.Strings(unknown)
	for _, name := range unknown {
		label := clip(name)
		if label == "" {
			label = "(empty name)"
		}
		errs = append(errs, FieldError{Param: label, Message: "is not a parameter of " + s.Name})
	}
	if len(errs) == 0 {
		errs = s.check(v)
	}
	return v, errs
}

// check applies rules that involve more than one parameter: the shared
// work-time rule, then the scenario's own (Scenario.checks).
func (s *Scenario) check(v Values) []FieldError {
	var errs []FieldError
	if _, ok := s.Param("work_ms_min"); ok && v.Int("work_ms_min") > v.Int("work_ms_max") {
		errs = append(errs, FieldError{Param: "work_ms_min", Message: fmt.Sprintf(
			"must not exceed work_ms_max (%d), got %d", v.Int("work_ms_max"), v.Int("work_ms_min"))})
	}
	if s.checks != nil {
		errs = append(errs, s.checks(v)...)
	}
	return errs
}
