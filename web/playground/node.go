package playground

import (
	"github.com/yuin/goldmark/ast"

	"github.com/concurrency-patterns/playground/internal/scenario"
)

// KindPlayground is the kind of a [Node].
var KindPlayground = ast.NewNodeKind("Playground")

// Node is a playground fence after parsing: a demo of one scenario with its
// starting parameters, or the reason it cannot be one.
type Node struct {
	ast.BaseBlock

	// Scenario is the demo's scenario; nil when Err is set.
	Scenario *scenario.Scenario
	// Values are every parameter of the demo, defaults included.
	Values scenario.Values
	// Set names the parameters the fence sets, in the order written.
	Set []string
	// Pair is the second side when the fence compares two runs (its
	// compare line); Values and Set are then the first side's.
	Pair *Pair
	// Line is where the fence opens in the markdown source, 1-based.
	Line int
	// Err says why the fence cannot become a demo: an [*Error], or several
	// joined. Rendering the node returns it.
	Err error
}

// Kind implements [ast.Node].
func (n *Node) Kind() ast.NodeKind { return KindPlayground }

// Dump implements [ast.Node].
func (n *Node) Dump(source []byte, level int) {
	m := map[string]string{}
	if n.Scenario != nil {
		m["Scenario"] = n.Scenario.Name
	}
	if n.Err != nil {
		m["Err"] = n.Err.Error()
	}
	ast.DumpHelper(n, source, level, m, nil)
}
