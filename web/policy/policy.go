// Package policy holds the site's Content-Security-Policy, in one place for
// the two that state it: the local server sends it as a header, and every
// page carries it as a meta tag, for hosts such as GitHub Pages that cannot
// set headers.
//
// The policy allows the site's own files and nothing inline: no inline
// script, no inline style attribute or element, no eval. The one exception
// is 'wasm-unsafe-eval', without which a browser refuses to compile the
// playground's WebAssembly. Styles that the wasm sets through the CSSOM
// (element.style.setProperty) are not inline styles in CSP's sense and stay
// allowed; setAttribute("style", …) would be blocked.
//
// Every directive here also works in a meta tag: frame-ancestors, report-uri
// and sandbox, which a meta tag ignores, are left out, so any site may embed
// the playground's embed page.
package policy

// CSP is the Content-Security-Policy of every page of the site.
const CSP = "default-src 'self'; " +
	"script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self'; " +
	"img-src 'self'; " +
	"connect-src 'self'; " +
	"worker-src 'self'; " +
	"object-src 'none'; " +
	"base-uri 'none'; " +
	"form-action 'self'"
