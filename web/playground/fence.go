package playground

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/concurrency-patterns/playground/internal/scenario"
)

// info is the word that opens a playground fence's info string.
const info = "playground"

// isFence reports whether a fenced code block is a playground fence.
func isFence(f *ast.FencedCodeBlock, source []byte) bool {
	return f.Info != nil && string(f.Language(source)) == info
}

// fence is a playground fence read from the source, before validation.
type fence struct {
	line   int    // where the fence opens
	name   string // the scenario name, as written
	params map[string]string
	order  []string       // parameter names as written
	lines  map[string]int // the line that sets each parameter
	// compare is a compare line's value, "" without one (see [Pair]); its
	// line is lines[compareKey].
	compare string
	errs    []error
}

// newNode reads and validates one playground fence.
func newNode(f *ast.FencedCodeBlock, source []byte) *Node {
	fc := readFence(f, source)
	var s *scenario.Scenario
	var v scenario.Values
	set := fc.order
	var pair *Pair
	if fc.name != "" {
		s, v = fc.validate()
		if s != nil && len(fc.errs) == 0 && fc.lines[compareKey] != 0 {
			pair, v, set = fc.validatePair(s)
		}
	}
	if len(fc.errs) > 0 {
		return &Node{Set: fc.order, Line: fc.line, Err: errors.Join(fc.errs...)}
	}
	return &Node{Scenario: s, Values: v, Set: set, Line: fc.line, Pair: pair}
}

// readFence splits a fence into its scenario name and "name: value" lines.
func readFence(f *ast.FencedCodeBlock, source []byte) *fence {
	fc := &fence{
		line:   lineOf(source, f.Info.Segment.Start),
		params: map[string]string{},
		lines:  map[string]int{},
	}
	words := strings.Fields(string(f.Info.Segment.Value(source)))[1:] // after "playground"
	if len(words) > 0 {
		fc.name = words[0]
	}
	switch {
	case len(words) == 0:
		fc.fail(fc.line, "", "needs a scenario name, as in ```playground stream")
	case len(words) > 1:
		fc.fail(fc.line, "", fmt.Sprintf("expected one scenario name, got %s", strconv.Quote(strings.Join(words, " "))))
	}
	for i := range f.Lines().Len() {
		seg := f.Lines().At(i)
		fc.readLine(lineOf(source, seg.Start), string(bytes.TrimSpace(seg.Value(source))))
	}
	return fc
}

// readLine takes one "name: value" line; blank lines are allowed.
func (fc *fence) readLine(line int, text string) {
	if text == "" {
		return
	}
	name, value, ok := strings.Cut(text, ":")
	name = strings.TrimSpace(name)
	if !ok || name == "" {
		fc.fail(line, "", fmt.Sprintf("expected a line of the form \"name: value\", got %s", strconv.Quote(text)))
		return
	}
	if first, seen := fc.lines[name]; seen {
		fc.fail(line, name, fmt.Sprintf("is set twice (first on line %d)", first))
		return
	}
	fc.lines[name] = line
	if name == compareKey {
		fc.compare = strings.TrimSpace(value)
		return
	}
	fc.params[name] = strings.TrimSpace(value)
	fc.order = append(fc.order, name)
}

// validate checks the scenario name and the parameters against the
// scenario's own description of them.
func (fc *fence) validate() (*scenario.Scenario, scenario.Values) {
	s, ok := scenario.Lookup(fc.name)
	if !ok {
		fc.fail(fc.line, "", fmt.Sprintf("unknown scenario %s; known: %s",
			strconv.Quote(fc.name), strings.Join(scenario.Names(), ", ")))
		return nil, scenario.Values{}
	}
	v, errs := s.Parse(fc.params)
	for _, e := range errs {
		line, ok := fc.lines[e.Param]
		if !ok {
			line = fc.line // a default that clashes with a set value, say
		}
		fc.fail(line, e.Param, e.Message)
	}
	return s, v
}

func (fc *fence) fail(line int, param, msg string) {
	fc.errs = append(fc.errs, &Error{Line: line, Scenario: fc.name, Param: param, Message: msg})
}

// lineOf returns the 1-based line of a byte offset in source.
func lineOf(source []byte, offset int) int {
	return bytes.Count(source[:offset], []byte("\n")) + 1
}
