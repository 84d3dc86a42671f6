package playground

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/concurrency-patterns/playground/internal/scenario"
)

// compareKey is the fence line that makes a demo a pair: two runs of the
// fence's parameters, on one clock, that differ only where it says:
//
//	```playground spawn
//	rate: 400
//	compare: mode=unbounded | mode=bounded
//	```
const compareKey = "compare"

// Pair is the second side of a pair of demos and what tells the two sides
// apart. The [Node] holding it is the first side.
type Pair struct {
	// Labels name each side by its difference: "mode: bounded".
	Labels [2]string
	// Values and Set are the second side's, as a Node's are.
	Values scenario.Values
	Set    []string
	// Diff names the parameters the two sides set apart, as written.
	Diff []string
}

// side is one side of a compare line: its assignments, as written.
type side struct {
	order  []string
	params map[string]string
}

// readCompare splits a compare line's value into its two sides, each one
// or more "name=value" separated by commas.
func (fc *fence) readCompare(line int, text string) ([2]side, bool) {
	var out [2]side
	parts := strings.Split(text, "|")
	if len(parts) != 2 {
		fc.fail(line, compareKey, fmt.Sprintf("needs exactly two sides, as in \"mode=bare | mode=supervised\", got %d", len(parts)))
		return out, false
	}
	for i, part := range parts {
		out[i].params = map[string]string{}
		for _, a := range strings.Split(part, ",") {
			a = strings.TrimSpace(a)
			name, value, ok := strings.Cut(a, "=")
			name, value = strings.TrimSpace(name), strings.TrimSpace(value)
			switch {
			case a == "":
				continue
			case !ok || name == "":
				fc.fail(line, compareKey, fmt.Sprintf("expected \"name=value\" on side %d, got %s", i+1, strconv.Quote(a)))
				return out, false
			case fc.lines[name] != 0:
				fc.fail(line, name, fmt.Sprintf("is set for both sides on line %d and for one side in compare; set it in one place", fc.lines[name]))
				return out, false
			}
			if _, twice := out[i].params[name]; twice {
				fc.fail(line, name, fmt.Sprintf("is set twice on side %d of compare", i+1))
				return out, false
			}
			out[i].params[name] = value
			out[i].order = append(out[i].order, name)
		}
		if len(out[i].order) == 0 {
			fc.fail(line, compareKey, fmt.Sprintf("side %d sets nothing; each side sets what makes it differ, as in \"mode=bare\"", i+1))
			return out, false
		}
	}
	return out, true
}

// validatePair checks each side of a compare line against the scenario,
// over the fence's common parameters, and says what tells them apart.
func (fc *fence) validatePair(s *scenario.Scenario) (p *Pair, first scenario.Values, firstSet []string) {
	var vals [2]scenario.Values
	sides, ok := fc.readCompare(fc.lines[compareKey], fc.compare)
	if !ok {
		return nil, first, nil
	}
	line := fc.lines[compareKey]
	for i, sd := range sides {
		merged := maps.Clone(fc.params)
		maps.Copy(merged, sd.params)
		v, errs := s.Parse(merged)
		for _, e := range errs {
			at := fc.lines[e.Param]
			if _, onSide := sd.params[e.Param]; onSide || at == 0 {
				at = line
			}
			fc.fail(at, e.Param, fmt.Sprintf("on side %d of compare: %s", i+1, e.Message))
		}
		vals[i] = v
	}
	if len(fc.errs) > 0 {
		return nil, first, nil
	}
	p = &Pair{Values: vals[1], Set: setOf(fc.order, sides[1].order)}
	raw0, raw1 := vals[0].Raw(), vals[1].Raw()
	for _, sd := range sides {
		for _, name := range sd.order {
			if raw0[name] != raw1[name] && !slices.Contains(p.Diff, name) {
				p.Diff = append(p.Diff, name)
			}
		}
	}
	if len(p.Diff) == 0 {
		fc.fail(line, compareKey, "the two sides are the same run; make them differ in at least one parameter")
		return nil, first, nil
	}
	for i, raw := range []map[string]string{raw0, raw1} {
		words := make([]string, len(p.Diff))
		for j, name := range p.Diff {
			words[j] = name + ": " + raw[name]
		}
		p.Labels[i] = strings.Join(words, ", ")
	}
	return p, vals[0], setOf(fc.order, sides[0].order)
}

// setOf lists the parameters a side sets: the common ones, then its own.
func setOf(common, own []string) []string {
	return append(slices.Clone(common), own...)
}
