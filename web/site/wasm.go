package site

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/concurrency-patterns/playground/patterns/scenario"
)

// WasmFor names the WebAssembly build that holds exactly the given
// scenarios, e.g. playground-stream.wasm. A page loads the one for the
// demos it shows: one build with every pattern would outgrow the size
// budget, and a reader of one page downloads only what it runs.
func WasmFor(scenarios []string) string {
	if len(scenarios) == 0 {
		return ""
	}
	return "playground-" + strings.Join(scenarios, "-") + ".wasm"
}

// WasmBuild is one WebAssembly build: its file, and the scenarios it holds.
type WasmBuild struct {
	File      string
	Scenarios []string
}

// Tags are the build tags that leave every other scenario out.
func (b WasmBuild) Tags() string {
	tags := []string{"pg_only"}
	for _, s := range b.Scenarios {
		tags = append(tags, "pg_"+s)
	}
	return strings.Join(tags, " ")
}

// wasmBuilds lists the builds the pages need, plus one per scenario for
// pages that mount a single demo by name (the embed page), sorted by file.
func wasmBuilds(pages []*page) []WasmBuild {
	seen := map[string]bool{}
	var builds []WasmBuild
	add := func(names []string) {
		if f := WasmFor(names); f != "" && !seen[f] {
			seen[f] = true
			builds = append(builds, WasmBuild{File: f, Scenarios: names})
		}
	}
	for _, name := range scenario.Names() {
		add([]string{name})
	}
	for _, p := range pages {
		add(p.demos)
	}
	slices.SortFunc(builds, func(a, b WasmBuild) int { return strings.Compare(a.File, b.File) })
	return builds
}

// writeWasmList writes one line per build: its file, then its build tags.
func writeWasmList(w io.Writer, builds []WasmBuild) error {
	for _, b := range builds {
		if _, err := fmt.Fprintf(w, "%s %s\n", b.File, b.Tags()); err != nil {
			return err
		}
	}
	return nil
}
