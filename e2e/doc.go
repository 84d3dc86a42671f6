// Package e2e tests the built site in headless Chromium: pages load, read
// well at phone and desktop widths in light and dark mode, and run without
// console errors. It holds only tests; run them with `make test-e2e`, which
// builds the site first and passes its folder in PLAYGROUND_SITE.
//
// Without PLAYGROUND_SITE the tests build the site themselves into a
// temporary folder. They serve it with the project's own server (serve/) on
// a free port and drive /usr/bin/chromium through chromedp. Without
// Chromium they skip, unless CI is set, where a missing browser fails them.
// Screenshots go to e2e/artifacts/, which git ignores.
package e2e
