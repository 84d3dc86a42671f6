// Command serve serves the built site on localhost, for trying it out before
// a deploy:
//
//	go run ./serve -dir _site -port 8080
//
// Without -port it uses the PORT environment variable, else 8080; port 0
// picks a free one. It prints the URL it serves at, and stops on Ctrl-C.
//
// With -base /concurrency/ it serves the site under that path, as GitHub
// Pages serves a project site under /<repo>/.
//
// It serves files only, with the types a browser needs to be strict about
// (application/wasm for WebAssembly streaming compilation, text/javascript,
// text/css), and it never lists a folder or reaches outside the one it
// serves. Every response asks the browser to revalidate, so a rebuild shows
// on the next reload, and carries the site's Content-Security-Policy (see
// package web/policy) and X-Content-Type-Options: nosniff.
package main
