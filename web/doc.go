// Command web builds the static site: it renders the markdown pages of
// -content to HTML in -out and copies the assets of web/static beside them.
//
//	go run ./web -content content -out _site
//
// The assets are embedded when the command is compiled, so it runs from any
// folder. `make wasm` then builds the one WebAssembly file, playground.wasm,
// into the same folder. Last,
//
//	go run ./web -out _site -finish
//
// writes the service worker, which lists and hashes every file there, the
// wasm included, and a gzip and a brotli copy of every file that
// compresses, for servers that send them as they are. `make site` does the
// three steps. See package web/site for what a build checks.
package main
