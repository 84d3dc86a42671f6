package unowned

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/concurrency-patterns/playground/review/internal/code"
)

// maxDepth is how many calls into the package's own functions signals
// follows: enough for a deferred s.exited(c) that closes c.done.
const maxDepth = 3

// owners answers, for goroutine bodies, whether they make their end known.
type owners struct {
	p    *code.Pass
	memo map[*types.Func]bool // a function's body signals; false while it is being looked at
}

func newOwners(p *code.Pass) *owners { return &owners{p: p, memo: make(map[*types.Func]bool)} }

// signals reports whether body tells someone, anyone, that it has ended
// or what it produced.
func (o *owners) signals(body *ast.BlockStmt, depth int) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.SendStmt:
			found = true
		case *ast.UnaryExpr:
			// <-ctx.Done(): the goroutine lives no longer than a context
			// whose owner ends it.
			call, ok := ast.Unparen(n.X).(*ast.CallExpr)
			found = n.Op == token.ARROW && ok && code.IsMethod(o.p.Callee(call), "context", "Context", "Done")
		case *ast.DeferStmt:
			// defer done(): a callback the starter handed over.
			if _, lit := n.Call.Fun.(*ast.FuncLit); !lit && o.p.Callee(n.Call) == nil && !o.p.Builtin(n.Call, "") {
				found = true
			}
		case *ast.CallExpr:
			found = o.signalCall(n, depth)
		}
		return !found
	})
	return found
}

func (o *owners) signalCall(call *ast.CallExpr, depth int) bool {
	p := o.p
	if p.Builtin(call, "close") {
		return true
	}
	if t := p.TypesInfo.TypeOf(call.Fun); code.IsNamed(t, "context", "CancelFunc") || code.IsNamed(t, "context", "CancelCauseFunc") {
		return true
	}
	fn := p.Callee(call)
	switch {
	case fn == nil:
		return false
	case code.IsMethod(fn, "sync", "WaitGroup", "Done"),
		code.IsMethod(fn, "sync", "Cond", "Signal", "Broadcast"),
		code.IsMethod(fn, "io", "PipeWriter", "Close", "CloseWithError"):
		return true
	case fn.Pkg() != nil && fn.Pkg().Path() == "sync/atomic":
		return atomicWrite(fn.Name())
	}
	decl := p.Decl(fn)
	if decl == nil || depth >= maxDepth {
		return false
	}
	if s, seen := o.memo[fn]; seen {
		return s
	}
	o.memo[fn] = false
	s := o.signals(decl.Body, depth+1)
	o.memo[fn] = s
	return s
}

// atomicWrite reports whether an atomic operation of that name writes.
func atomicWrite(name string) bool {
	for _, w := range []string{"Store", "Add", "Swap", "CompareAndSwap", "Or", "And"} {
		if strings.HasPrefix(name, w) {
			return true
		}
	}
	return false
}

// recovers reports whether body defers a function that calls recover.
func (o *owners) recovers(body *ast.BlockStmt) bool {
	for _, s := range body.List {
		d, ok := s.(*ast.DeferStmt)
		if !ok {
			continue
		}
		switch fun := d.Call.Fun.(type) {
		case *ast.FuncLit:
			if o.callsRecover(fun.Body) {
				return true
			}
		default:
			fn := o.p.Callee(d.Call)
			if fn == nil {
				continue
			}
			if decl := o.p.Decl(fn); decl != nil && o.callsRecover(decl.Body) {
				return true
			}
			if strings.Contains(strings.ToLower(fn.Name()), "recover") {
				return true // a helper of another package, by its name
			}
		}
	}
	return false
}

// callsRecover reports whether body calls recover itself, outside any
// function literal, where it can stop a panic.
func (o *owners) callsRecover(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			found = found || o.p.Builtin(n, "recover")
		}
		return !found
	})
	return found
}
