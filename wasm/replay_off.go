//go:build js && wasm && pg_only && !pg_stream

package main

import "github.com/concurrency-patterns/playground/wasm/dom"

// startReplay is left out of builds without the stream: the replay page
// loads the stream's build, and the others stay within their size budget.
func startReplay(dom.Document, *demo) {}
