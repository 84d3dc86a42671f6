package playground

import (
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/concurrency-patterns/playground/internal/view/visuals"
	"github.com/concurrency-patterns/playground/patterns/event"
)

// tryPrefix opens the address of a guided moment's link:
//
//	[Set ordered to false](#try?ordered=false&stop=emitted:3)
//
// The query sets parameters of the page's first demo over the fence's own
// (preset=NAME first applies one of its presets), and stop names the event
// the demo pauses at: a kind of the trace, and which of its events (a
// number from 1, or last; the first when left out).
const tryPrefix = "#try?"

// KindTry is the kind of a [Try].
var KindTry = ast.NewNodeKind("Try")

// Try is a guided moment: a button, tied to the page's first demo, that
// runs it with Params and pauses at the Nth event of kind Stop, where the
// picture shows the point. Its children are the link's text.
type Try struct {
	ast.BaseInline
	Params map[string]string // over the fence's own parameters
	Stop   string            // an event kind's name
	Nth    int               // 1 for the first, -1 for the last
	// Demo is the index of the page's demo the moment plays in: 0, the
	// first, or 1 when the first is a pair and the moment sets what tells
	// its second side apart (see [sideOf]).
	Demo int
	Err  error // why the link cannot be a moment; rendering returns it
}

// Kind implements [ast.Node].
func (n *Try) Kind() ast.NodeKind { return KindTry }

// Dump implements [ast.Node].
func (n *Try) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Stop": n.Stop}, nil)
}

// isTry reports whether a link is a guided moment's.
func isTry(l *ast.Link) bool { return strings.HasPrefix(string(l.Destination), tryPrefix) }

// newTry reads a moment's link and checks it against demo, the page's
// first demo (nil when the page has none that is valid).
func newTry(l *ast.Link, source []byte, demo *Node) *Try {
	n := &Try{Nth: 1}
	line := 1
	if seg, ok := firstSegment(l); ok {
		line = lineOf(source, seg.Start)
	}
	fail := func(param, msg string) {
		if n.Err == nil {
			name := ""
			if demo != nil && demo.Scenario != nil {
				name = demo.Scenario.Name
			}
			n.Err = &Error{Line: line, Scenario: name, Param: param, Message: msg, Try: true}
		}
	}
	if demo == nil || demo.Scenario == nil {
		fail("", "the page has no demo to play it in")
		return n
	}
	q, err := url.ParseQuery(string(l.Destination[len(tryPrefix):]))
	if err != nil {
		fail("", "unreadable address: "+err.Error())
		return n
	}
	n.Params = map[string]string{}
	if name := q.Get("preset"); name != "" {
		p, ok := preset(demo.Scenario.Name, name)
		if !ok {
			fail("preset", "no preset named "+strconv.Quote(name))
			return n
		}
		maps.Copy(n.Params, p)
	}
	for _, k := range slices.Sorted(maps.Keys(q)) {
		if k != "stop" && k != "preset" {
			n.Params[k] = q.Get(k)
		}
	}
	demo, n.Demo = sideOf(demo, n.Params)
	raw := demo.Values.Raw()
	fenced := map[string]string{}
	for _, k := range demo.Set {
		fenced[k] = raw[k]
	}
	merged := maps.Clone(fenced)
	maps.Copy(merged, n.Params)
	if _, errs := demo.Scenario.Parse(merged); len(errs) > 0 {
		fail(errs[0].Param, errs[0].Message)
		return n
	}
	stop := q.Get("stop")
	kind, nth, ok := strings.Cut(stop, ":")
	if _, known := event.ParseKind(kind); !known || kind == "" {
		fail("stop", fmt.Sprintf("%s is not a kind of event (say stop=timed_out, or stop=timed_out:2 for the second)", strconv.Quote(stop)))
		return n
	}
	n.Stop = kind
	switch {
	case nth == "last":
		n.Nth = -1
	case ok:
		if n.Nth, err = strconv.Atoi(nth); err != nil || n.Nth < 1 {
			fail("stop", fmt.Sprintf("%s: which event is a number from 1 up, or last", strconv.Quote(stop)))
		}
	}
	return n
}

// sideOf is the side of a pair a moment with params plays in, and its
// index: the second when params set what tells it apart to its values,
// else the first. A demo alone is its own side 0.
func sideOf(demo *Node, params map[string]string) (*Node, int) {
	p := demo.Pair
	if p == nil {
		return demo, 0
	}
	second := p.Values.Raw()
	for _, name := range p.Diff {
		if v, ok := params[name]; ok && v == second[name] {
			return &Node{Scenario: demo.Scenario, Values: p.Values, Set: p.Set, Line: demo.Line}, 1
		}
	}
	return demo, 0
}

// preset returns the parameters of a scenario's named preset.
func preset(scn, name string) (map[string]string, bool) {
	for _, p := range visuals.For(scn).Presets {
		if p.Name == name {
			return p.Params, true
		}
	}
	return nil, false
}

// firstSegment finds the source position of a link's first text.
func firstSegment(n ast.Node) (seg text.Segment, ok bool) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, isText := c.(*ast.Text); isText {
			return t.Segment, true
		}
		if s, found := firstSegment(c); found {
			return s, true
		}
	}
	return text.Segment{}, false
}
