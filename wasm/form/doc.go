// Package form is the parameter form of a playground demo, apart from its
// DOM: which input each parameter of a scenario gets, how the values a demo
// starts with are merged from their sources, and what to write back to the
// page's URL so that a link reproduces a run.
//
// # Where values come from
//
// A demo's values are, later sources winning: the scenario's defaults, the
// page's data-params (the defaults the page's text is written for), then the
// page URL's query. The query applies to the first demo of a page only: one
// URL cannot address two demos that share parameter names. A name in the
// query that is no parameter of the scenario is ignored and reported (a
// link may carry unrelated parameters); an invalid value is kept, so its
// field shows the value and why it was refused.
//
// # What goes back to the URL
//
// [QueryUpdate] writes the parameters that differ from the page's defaults
// and removes the others, leaving unrelated query parameters alone, so a
// link stays short and still reproduces the run.
package form
