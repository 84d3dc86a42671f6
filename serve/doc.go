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
// serves. Where `make site` wrote a compressed copy of a file (file.br,
// file.gz), a client that takes that encoding gets the copy, with
// Content-Encoding and Vary: Accept-Encoding. Every response asks the
// browser to revalidate, with an ETag made from the bytes sent, so a
// rebuild shows on the next reload; and carries the site's
// Content-Security-Policy (see package web/policy), X-Content-Type-Options:
// nosniff, and Access-Control-Allow-Origin: *, as GitHub Pages sends, for
// pages that load embed.js as a module. An address the site has not gets
// the site's 404.html, with status 404.
package main
