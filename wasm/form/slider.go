package form

import (
	"math"
	"strconv"
	"strings"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/internal/view"
)

// logSteps is how many positions a logarithmic slider has.
const logSteps = 1000

// Slider is the range input beside a knob's number field: its positions
// and how a position maps to the parameter's text and back. A linear
// slider's positions are the parameter's values; a logarithmic one's run
// from 0 to logSteps.
type Slider struct {
	knob  view.Knob
	param scenario.Param
}

// NewSlider returns the slider of knob k of s, and false when the knob is
// no number (a toggle or a menu) or names no parameter of s.
func NewSlider(s *scenario.Scenario, k view.Knob) (Slider, bool) {
	p, ok := s.Param(k.Param)
	if !ok || p.Kind == scenario.Bool || p.Kind == scenario.Choice || !(k.Min < k.Max) {
		return Slider{}, false
	}
	return Slider{knob: k, param: p}, true
}

// Attrs are the range input's min, max and step attributes.
func (sl Slider) Attrs() (lo, hi, step string) {
	if sl.knob.Log {
		return "0", strconv.Itoa(logSteps), "1"
	}
	step = "1"
	if sl.param.Kind == scenario.Float {
		step = num((sl.knob.Max - sl.knob.Min) / 100)
	}
	return num(sl.knob.Min), num(sl.knob.Max), step
}

// Value is the parameter's text at a slider position.
func (sl Slider) Value(pos float64) string {
	k := sl.knob
	v := pos
	if k.Log {
		lo := max(k.Min, 1)
		switch {
		case pos <= 0:
			v = k.Min
		default:
			v = lo * math.Pow(k.Max/lo, min(pos, logSteps)/logSteps)
		}
		v = twoDigits(v)
	}
	v = min(max(v, k.Min), k.Max)
	if sl.param.Kind == scenario.Float {
		return num(math.Round(v*100) / 100)
	}
	return strconv.Itoa(int(math.Round(v)))
}

// Pos is the slider position that shows raw, the parameter's text, kept
// within the slider (a logarithmic one's to the nearest of its steps); "infinity" is its far end. ok is false for text that
// is no number.
func (sl Slider) Pos(raw string) (pos float64, ok bool) {
	k := sl.knob
	raw = strings.TrimSpace(raw)
	v, err := strconv.ParseFloat(raw, 64)
	switch {
	case raw == scenario.Infinity:
		v = k.Max
	case err != nil || math.IsNaN(v):
		return 0, false
	}
	v = min(max(v, k.Min), k.Max)
	if !k.Log {
		return v, true
	}
	lo := max(k.Min, 1)
	if v < lo || (v == lo && k.Min == lo) {
		return 0, true
	}
	return max(math.Round(logSteps*math.Log(v/lo)/math.Log(k.Max/lo)), 1), true
}

// twoDigits rounds v to two significant digits from 100 up, so that a
// logarithmic slider gives 1,200 rather than 1,237.
func twoDigits(v float64) float64 {
	if v < 100 {
		return v
	}
	scale := math.Pow(10, math.Floor(math.Log10(v))-1)
	return math.Round(v/scale) * scale
}
