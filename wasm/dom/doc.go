//go:build js && wasm

// Package dom is the small typed layer over syscall/js that the playground
// draws and listens through, in the spirit of honnef.co/go/js/dom/v2 (which
// this module cannot depend on). It covers only what the playground uses.
//
// # Callbacks and their release
//
// Every Go function handed to JavaScript is a js.Func that must be released
// or it is never collected. Each API here that takes a callback returns its
// release function ([Element.AddEventListener]) or is a type with a
// Release method ([Frames]); calling the release twice is harmless.
//
// A callback runs on the goroutine that JavaScript called into, while
// JavaScript waits: it must not block. A panic in it would end the Go
// program, so callers recover in every callback (package main does, and
// shows the error in the demo).
//
// # Cost
//
// Every method is at least one call across the Go–JavaScript boundary,
// about a microsecond each. Draw code should batch: one path per colour,
// state set only when it changes.
package dom
