// Package bench measures the patterns side by side with the Go libraries
// people reach for instead. It is a module of its own so that the library's
// go.mod names none of its peers. Run it with `make bench` at the top level,
// which prints the tables with benchstat.
package bench
