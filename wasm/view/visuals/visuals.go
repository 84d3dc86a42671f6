// Package visuals is the registry of the playground's visuals: which
// [view.Kit] draws which scenario. It is the one place that names them;
// the demo wiring asks it by scenario name.
//
// To add a pattern's visual, write its package under wasm/view (see the
// package view overview) and add one line to kits below.
package visuals

import (
	"github.com/concurrency-patterns/playground/wasm/view"
	"github.com/concurrency-patterns/playground/wasm/view/limiterview"
	"github.com/concurrency-patterns/playground/wasm/view/poolview"
	"github.com/concurrency-patterns/playground/wasm/view/spawnview"
	"github.com/concurrency-patterns/playground/wasm/view/streamview"
)

// kits maps scenario names (package scenario) to their visuals.
var kits = map[string]view.Kit{
	"limiter": limiterview.Kit,
	"pool":    poolview.Kit,
	"spawn":   spawnview.Kit,
	"stream":  streamview.Kit,
}

// For returns the kit of the named scenario. A scenario without one of its
// own gets [view.Generic], so every scenario plays, charts and exports from
// the day it is registered.
func For(name string) view.Kit {
	if k, ok := kits[name]; ok {
		return k
	}
	return view.Generic
}

// Has reports whether the named scenario has a visual of its own.
func Has(name string) bool {
	_, ok := kits[name]
	return ok
}
