// Package site builds the static site from markdown pages.
//
// [Build] renders every *.md at the top of the content folder to a flat
// NAME.html (index.md becomes index.html), inside one page template with the
// site's header and footer, and copies the static assets beside them.
// Markdown is rendered here, at build time, so a page's text is readable
// before, and without, the WebAssembly demos.
//
// # What a build guarantees
//
//   - Every URL it writes is relative, so the site works at a domain root and
//     under a sub-path such as a GitHub Pages project site; a page whose
//     markdown links to a root-relative URL, or to a page or file the site
//     does not have, fails the build.
//   - A page gets the playground's stylesheet and scripts only when it holds
//     a demo (a playground fence, see package playground), and every fence is
//     validated against its scenario.
//   - No inline script or style: code is highlighted with CSS classes (see
//     package highlight) whose theme is appended to style.css, so the pages
//     can later run under a strict Content-Security-Policy.
//
// Every page must open with a level-1 heading, which becomes its title.
//
// # Pictures and the way through
//
// Each demo's fallback opens with a picture of its run (package picture):
// the build runs the demo natively and draws the moment its still shows as
// SVG, from the same plan the canvas is painted from, so a reader sees the
// demo's picture while its WebAssembly loads, and without JavaScript.
//
// The index's first list whose every item opens with a link to a page
// with a demo is the map of the patterns: each item gets the picture of
// its page's first demo, and the list's order is the reading order. Each
// page it lists gets links to the previous and the next page and the list
// of them all; every other page but the index gets the list.
//
// # Embedding and offline
//
// Besides the pages, a build writes embed.html, the page every embedded
// demo loads in its iframe: one static page that mounts the demo its
// ?pattern=… names, so it serves every scenario, with a link back to the
// first page that shows it. embed.js, which third-party pages include, gets
// the scenarios and their parameters' names filled in, so it can refuse an
// unknown name before making an iframe. Every page, embed.html included,
// carries the Content-Security-Policy of package policy as a meta tag, for
// hosts that cannot send headers.
//
// A build also writes 404.html, the page hosts serve for an address the
// site has not, in the site's layout, with a link to every page.
//
// [Finish], the last step of a build, lists and hashes every file of the
// output folder into sw.js, so a new deploy is a new version of the
// service worker and of its copy of the site, and then writes a gzip and a
// brotli copy beside every file that compresses (see [Compress]), which
// serve/ sends as they are.
package site
