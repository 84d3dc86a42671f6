package site

import (
	"bytes"
	"encoding/json"
	"errors"

	"github.com/concurrency-patterns/playground/patterns/scenario"
	"github.com/concurrency-patterns/playground/web/policy"
)

// The files of embedding: the page every embedded demo loads in its
// iframe, and the script a third-party page includes.
const (
	embedHTML   = "embed.html"
	embedScript = "embed.js"
)

// fillMark is where a static script takes the data the build gives it.
// Filling a marked literal keeps the script a plain file that reads as
// JavaScript, with no template syntax in it.
var fillMark = []byte("/* filled in by the site builder */ ")

// fill replaces the mark and the literal after it (one of "null", "{}")
// with v as JSON. JSON escapes <, > and &, so the result is safe in any
// script context.
func fill(script []byte, name string, v any) ([]byte, error) {
	for _, literal := range []string{"null", "{}"} {
		mark := append(append([]byte{}, fillMark...), literal...)
		if bytes.Count(script, mark) == 1 {
			data, err := json.Marshal(v)
			if err != nil {
				return nil, err
			}
			return bytes.Replace(script, mark, data, 1), nil
		}
	}
	return nil, errors.New(name + " has no single " + string(fillMark) + "mark for the build's data")
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

// embedDemo is one scenario as the embed page links back to it.
type embedDemo struct{ Name, Title, Page string }

// embedView is what the embed page template shows.
type embedView struct {
	SiteName, CSP string
	Demos         []embedDemo
}

// renderEmbed writes the embed page: one static page that mounts the demo
// its URL names, so one file serves every scenario. It links back to the
// first page that shows each scenario, or to the index for a scenario no
// page shows yet.
func renderEmbed(pages []*page) ([]byte, error) {
	v := embedView{SiteName: Name, CSP: policy.CSP}
	for _, name := range scenario.Names() {
		s, _ := scenario.Lookup(name)
		d := embedDemo{Name: name, Title: s.Title, Page: "index.html"}
	find:
		for _, p := range pages {
			for _, n := range p.demos {
				if n == name {
					d.Page = p.out
					break find
				}
			}
		}
		v.Demos = append(v.Demos, d)
	}
	var b bytes.Buffer
	err := embedPage.Execute(&b, v)
	return b.Bytes(), err
}
