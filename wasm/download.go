//go:build js && wasm

package main

import (
	"github.com/concurrency-patterns/playground/wasm/dom"
	"github.com/concurrency-patterns/playground/wasm/export"
)

// exported is the last run's trace in a format: "json" (the trace as
// objects) or "chrome" (the trace-event format of Perfetto and
// chrome://tracing); nil before a run.
func (d *demo) exported(format string) []byte {
	if d.last == nil {
		return nil
	}
	if format == "chrome" {
		return export.Chrome(d.scn.Name, d.kit.LifeOf(), d.last.trace)
	}
	return export.JSON(d.scn.Name, d.last.values.Raw(), d.last.trace)
}

// download offers the last run's trace as a file.
func (d *demo) download(format string) {
	data := d.exported(format)
	if data == nil {
		return
	}
	name := d.scn.Name + "-trace.json"
	if format == "chrome" {
		name = d.scn.Name + "-chrome-trace.json"
	}
	dom.Download(name, "application/json", data)
}
