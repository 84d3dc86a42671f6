// Package playground is a goldmark extension that turns a fenced block
//
//	```playground stream
//	items: 30
//	max_concurrency: 4
//	```
//
// into the mount point of a live demo: a <div class="playground"> whose
// data-playground attribute names the scenario and whose data-params
// attribute holds the parameters as a JSON object of strings. The browser's
// loader finds these elements and starts the WebAssembly visualizer in them.
//
// Inside the mount point the extension writes a fallback that reads well
// without JavaScript: a note that the demo loads here and the settings it
// starts with, and, from [WithPictures], a still picture of the demo's run.
// The page's text must never depend on the demo loading.
//
// # Validation at build time
//
// A fence is checked against the scenario's own description of its
// parameters ([scenario.Lookup], [scenario.Scenario.Parse]), so a page
// cannot ship a demo that would refuse to start. A fence that names an
// unknown scenario or sets an invalid parameter makes rendering fail with an
// [*Error] that gives the line and the parameter; a site builder reports it
// with the file name in front.
//
// # Shape
//
// The extension follows goldmark's own: a node kind ([KindPlayground]), an
// AST transformer that replaces matching fenced code blocks with [Node]s, a
// node renderer, and one [goldmark.Extender], [Extension].
package playground
