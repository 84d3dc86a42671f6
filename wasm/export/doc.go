// Package export writes a run's trace for other tools: as the playground's
// trace file ([JSON], the format of package trace, which the replay page
// opens), and in the Chrome trace-event format ([Chrome]) that Perfetto
// (ui.perfetto.dev) and chrome://tracing open, one track per slot.
//
// It writes JSON by hand rather than through encoding/json: the playground
// ships as one wasm file with a size budget, and these shapes are small
// and fixed.
package export
