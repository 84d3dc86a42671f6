// Command web builds the static site: it renders the markdown pages of
// -content to HTML in -out and copies the assets of web/static beside them.
//
//	go run ./web -content content -out _site
//
// The assets are embedded when the command is compiled, so it runs from any
// folder. With -wasm-list it also writes the WebAssembly builds the pages
// need, which `make wasm` then builds into the same folder. Last,
//
//	go run ./web -out _site -service-worker
//
// writes the service worker, which lists and hashes every file there, the
// wasm included. `make site` does the three steps. See package web/site for
// what a build checks.
package main
