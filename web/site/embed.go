package site

import (
	"bytes"
	"encoding/json"
	"errors"

	"github.com/concurrency-patterns/playground/internal/scenario"
	"github.com/concurrency-patterns/playground/web/policy"
)

// The files of embedding: the page every embedded demo loads in its
// iframe, and the script a third-party page includes.
const (
	embedHTML   = "embed.html"
	embedScript = "embed.js"
)

// fillMark is where a static script takes the data the build gives it:
// the mark and the null literal after it. Filling a marked literal keeps
// the script a plain file that reads as JavaScript, with no template syntax
// in it.
const fillComment = "/* filled in by the site builder */"

var fillMark = []byte(fillComment + " null")

// fill replaces the mark with v as JSON. JSON escapes <, > and &, so the
// result is safe in any script context.
func fill(script []byte, name string, v any) ([]byte, error) {
	if bytes.Count(script, fillMark) != 1 {
		return nil, errors.New(name + " has no single " + fillComment + " mark for the build's data")
	}
	data, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return bytes.Replace(script, fillMark, data, 1), nil
}

// demoInfo is what embed.js knows of a scenario: enough to check a
// data-playground name and its parameters' names before making an iframe.
type demoInfo struct {
	Title  string   `json:"title"`
	Params []string `json:"params"`
}

// scenarios lists every scenario for embed.js.
func scenarios() map[string]demoInfo {
	out := map[string]demoInfo{}
	for _, name := range scenario.Names() {
		s, _ := scenario.Lookup(name)
		info := demoInfo{Title: s.Title, Params: []string{}}
		for _, p := range s.Params {
			info.Params = append(info.Params, p.Name)
		}
		out[name] = info
	}
	return out
}

// embedDemo is one scenario as the embed page links back to it, with the
// WebAssembly build that holds it.
type embedDemo struct{ Name, Title, Page, Wasm string }

// embedView is what the embed page template shows.
type embedView struct {
	SiteName, CSP string
	Demos         []embedDemo
}

// renderEmbed writes the embed page: one static page that mounts the demo
// its URL names, so one file serves every scenario. It links each scenario
// back to the page about it (see homes).
func renderEmbed(pages []*page) ([]byte, error) {
	v := embedView{SiteName: Name, CSP: policy.CSP}
	home := homes(pages)
	for _, name := range scenario.Names() {
		s, _ := scenario.Lookup(name)
		v.Demos = append(v.Demos, embedDemo{Name: name, Title: s.Title, Page: home(name), Wasm: wasmFor([]string{name})})
	}
	var b bytes.Buffer
	err := embedPage.Execute(&b, v)
	return b.Bytes(), err
}

// homes returns where to read about a scenario: the page whose demos are
// that scenario alone (its own page), else the first page, in name order,
// that shows it among others, else the index.
func homes(pages []*page) func(name string) string {
	own, first := map[string]string{}, map[string]string{}
	for _, p := range pages {
		if p.out == replayPage { // its demo shows the reader's trace, not the pattern
			continue
		}
		for _, n := range p.demos {
			if _, ok := first[n]; !ok {
				first[n] = p.out
			}
		}
		if len(p.demos) == 1 {
			if _, ok := own[p.demos[0]]; !ok {
				own[p.demos[0]] = p.out
			}
		}
	}
	return func(name string) string {
		if out, ok := own[name]; ok {
			return out
		}
		if out, ok := first[name]; ok {
			return out
		}
		return "index.html"
	}
}
