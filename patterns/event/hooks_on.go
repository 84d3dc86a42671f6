//go:build !nohook

package event

// Enabled is false only in builds with the nohook tag, which compile every
// pattern's reporting away. It exists to measure what the no-op hook costs:
// `make bench` runs the benchmarks both ways.
const Enabled = true
