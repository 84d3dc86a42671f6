// Command web builds the static site: it renders the markdown pages of
// -content to HTML in -out and copies the assets of web/static beside them.
//
//	go run ./web -content content -out _site
//
// The assets are embedded when the command is compiled, so it runs from any
// folder. The WebAssembly demo (playground.wasm, wasm_exec.js) is built into
// the same folder by `make wasm`; `make site` does both. See package
// web/site for what a build checks.
package main
