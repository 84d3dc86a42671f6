// Package visuals is the registry of the playground's visuals: which
// [view.Kit] draws which scenario, by the scenario's name. Each pattern
// registers its kit in a file of its own here, named after the scenario;
// the site ships one build that holds them all, so any page (the replay
// page above all) can show any pattern.
//
// To add a pattern's visual, write its package under internal/view (see the
// package view overview) and add a file here like stream.go.
package visuals

import "github.com/concurrency-patterns/playground/internal/view"

// kits maps scenario names (package scenario) to their visuals.
var kits = map[string]view.Kit{}

// add registers the kit of a scenario; files call it from a package-level
// var, so that no init order matters.
func add(name string, k view.Kit) struct{} {
	kits[name] = k
	return struct{}{}
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
