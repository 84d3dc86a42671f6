package form

import (
	"strconv"

	"github.com/concurrency-patterns/playground/internal/scenario"
)

// Field describes the input of one parameter, in HTML's terms.
type Field struct {
	Name string // the parameter, as in the URL and the Elixir option
	// Type is the input's type attribute ("number", "text", "checkbox"), or
	// "select" for a <select> of Options.
	Type      string
	InputMode string // for text inputs: the keyboard to offer
	Min, Max  string // for number inputs
	Step      string // for number inputs: "1" or "any"
	Options   []string
	Help      string // what the parameter does and which values it takes
}

// Fields returns one field per parameter of s, in the scenario's order.
func Fields(s *scenario.Scenario) []Field {
	fields := make([]Field, 0, len(s.Params))
	for _, p := range s.Params {
		f := Field{Name: p.Name, Help: p.Help + " " + capital(p.Range()) + "."}
		switch p.Kind {
		case scenario.Bool:
			f.Type = "checkbox"
		case scenario.Choice:
			f.Type, f.Options = "select", p.Choices
		case scenario.Int, scenario.Millis:
			if p.Infinite { // a number input cannot hold "infinity"
				f.Type, f.InputMode = "text", "numeric"
				break
			}
			f.Type, f.Min, f.Max, f.Step = "number", num(p.Min), num(p.Max), "1"
		default:
			f.Type, f.Min, f.Max, f.Step = "number", num(p.Min), num(p.Max), "any"
		}
		fields = append(fields, f)
	}
	return fields
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func capital(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
