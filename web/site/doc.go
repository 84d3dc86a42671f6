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
package site
