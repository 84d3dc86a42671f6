package scenario

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Kind is the type of a parameter's value.
type Kind uint8

const (
	Int    Kind = iota + 1 // a whole number in [Min, Max]
	Float                  // a number in [Min, Max]
	Bool                   // true or false
	Choice                 // one of Choices
	Millis                 // a whole number of milliseconds in [Min, Max], or "infinity" when Infinite
)

// Infinity is how a [Millis] parameter is set to no limit.
const Infinity = "infinity"

// Param describes one parameter of a scenario.
type Param struct {
	Name     string
	Kind     Kind
	Default  string
	Min, Max float64
	Choices  []string
	Infinite bool // Int and Millis: "infinity" is allowed
	Help     string
}

// Range describes the allowed values in words, for messages and forms.
func (p Param) Range() string {
	switch p.Kind {
	case Int:
		s := fmt.Sprintf("a whole number from %s to %s", num(p.Min), num(p.Max))
		if p.Infinite {
			s += ", or " + Infinity
		}
		return s
	case Float:
		return fmt.Sprintf("a number from %s to %s", num(p.Min), num(p.Max))
	case Bool:
		return "true or false"
	case Choice:
		return "one of " + strings.Join(p.Choices, ", ")
	case Millis:
		s := fmt.Sprintf("a whole number of milliseconds from %s to %s", num(p.Min), num(p.Max))
		if p.Infinite {
			s += ", or " + Infinity
		}
		return s
	}
	return "unknown"
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// FieldError says why a raw value was refused.
type FieldError struct {
	Param   string
	Message string
}

func (e FieldError) Error() string { return e.Param + ": " + e.Message }

// Values are parsed, valid parameters.
type Values struct {
	raw map[string]string
	num map[string]float64
}

// Raw returns every parameter in canonical text form, defaults included.
func (v Values) Raw() map[string]string {
	out := make(map[string]string, len(v.raw))
	for k, s := range v.raw {
		out[k] = s
	}
	return out
}

// Int returns an Int or Millis parameter. A Millis set to infinity reads as
// math.MaxInt.
func (v Values) Int(name string) int {
	f := v.num[name]
	if math.IsInf(f, 1) {
		return math.MaxInt
	}
	return int(f)
}

// Float returns a Float parameter.
func (v Values) Float(name string) float64 { return v.num[name] }

// Bool returns a Bool parameter.
func (v Values) Bool(name string) bool { return v.raw[name] == "true" }

// String returns a Choice parameter (or any parameter's canonical text).
func (v Values) String(name string) string { return v.raw[name] }

// Duration returns a Millis parameter; infinity reads as 0 with ok false.
func (v Values) Duration(name string) (d time.Duration, ok bool) {
	f := v.num[name]
	if math.IsInf(f, 1) {
		return 0, false
	}
	return time.Duration(f) * time.Millisecond, true
}

// parse checks one raw value against p and returns its canonical text and
// numeric value.
func (p Param) parse(s string) (string, float64, error) {
	s = strings.TrimSpace(s)
	bad := func() (string, float64, error) {
		return "", 0, fmt.Errorf("must be %s, got %s", p.Range(), strconv.Quote(clip(s)))
	}
	switch p.Kind {
	case Bool:
		b, err := strconv.ParseBool(s)
		if err != nil {
			return bad()
		}
		return strconv.FormatBool(b), 0, nil
	case Choice:
		if !slices.Contains(p.Choices, s) {
			return bad()
		}
		return s, 0, nil
	case Int, Millis:
		if p.Infinite && s == Infinity {
			return Infinity, math.Inf(1), nil
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || f < p.Min || f > p.Max {
		return bad()
	}
	if p.Kind != Float {
		if f != math.Trunc(f) {
			return bad()
		}
		return strconv.FormatInt(int64(f), 10), f, nil
	}
	return num(f), f, nil
}

// clip keeps messages short when the input is long.
func clip(s string) string {
	const limit = 40
	if r := []rune(s); len(r) > limit {
		return string(r[:limit]) + "…"
	}
	return s
}
