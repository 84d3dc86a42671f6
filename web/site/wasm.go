package site

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/concurrency-patterns/playground/internal/scenario"
)

// wasmFor names the WebAssembly build that holds exactly the given
// scenarios, e.g. playground-stream.wasm. A page loads the one for the
// demos it shows: one build with every pattern would outgrow the size
// budget, and a reader of one page downloads only what it runs.
func wasmFor(scenarios []string) string {
	if len(scenarios) == 0 {
		return ""
	}
	return "playground-" + strings.Join(scenarios, "-") + ".wasm"
}

// wasmBuild is one WebAssembly build: its file, and the scenarios it holds.
type wasmBuild struct {
	File      string
	Scenarios []string
}

// Tags are the build tags that leave every other scenario out.
func (b wasmBuild) Tags() string {
	tags := []string{"pg_only"}
	for _, s := range b.Scenarios {
		tags = append(tags, "pg_"+s)
	}
	return strings.Join(tags, " ")
}

// wasmBuilds lists the builds the pages need, plus one per scenario for
// pages that mount a single demo by name (the embed page), sorted by file.
func wasmBuilds(pages []*page) []wasmBuild {
	seen := map[string]bool{}
	var builds []wasmBuild
	add := func(names []string) {
		if f := wasmFor(names); f != "" && !seen[f] {
			seen[f] = true
			builds = append(builds, wasmBuild{File: f, Scenarios: names})
		}
	}
	for _, name := range scenario.Names() {
		add([]string{name})
	}
	for _, p := range pages {
		add(p.demos)
	}
	slices.SortFunc(builds, func(a, b wasmBuild) int { return strings.Compare(a.File, b.File) })
	return builds
}

// writeWasmList writes one line per build: its file, then its build tags.
func writeWasmList(w io.Writer, builds []wasmBuild) error {
	for _, b := range builds {
		if _, err := fmt.Fprintf(w, "%s %s\n", b.File, b.Tags()); err != nil {
			return err
		}
	}
	return nil
}
