// Command record runs a small real workload through one of the library's
// patterns, on real time, and records what the pattern did to a trace file
// that the playground's replay page opens. It prints its own tally of the
// results as JSON, counted from what the workload saw (values, errors,
// calls) rather than from the trace, so the trace can be checked against
// it: the replay page's summary of the trace must say the same.
//
//	go run ./examples/record -pattern pool -o pool-trace.json
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// workload is one pattern's program: it runs to its end, writing its
// trace to w, and returns its tally under the names of the playground's
// summary of that pattern (package scenario).
type workload func(w io.Writer) (tally, error)

// tally is what a workload counted itself.
type tally map[string]int

// workloads are the patterns the playground draws, by the name of its
// scenario. The spawning scenario is not among them: it is a workload of
// the limiter, whose request and handler events only the simulation
// reports; a program that bounds its handlers with a limiter records a
// limiter trace.
var workloads = map[string]workload{
	"tasks":      recordTasks,
	"stream":     recordStream,
	"timeout":    recordTimeout,
	"stage":      recordStage,
	"limiter":    recordLimiter,
	"pool":       recordPool,
	"supervisor": recordSupervisor,
}

func main() {
	pattern := flag.String("pattern", "stream", "the pattern to record: "+strings.Join(patterns(), ", "))
	out := flag.String("o", "", "the trace file to write (default PATTERN-trace.json)")
	flag.Parse()
	if *out == "" {
		*out = *pattern + "-trace.json"
	}
	if err := run(*pattern, *out); err != nil {
		fmt.Fprintln(os.Stderr, "record:", err)
		os.Exit(1)
	}
}

func patterns() []string {
	names := make([]string, 0, len(workloads))
	for n := range workloads {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

func run(pattern, path string) error {
	record, ok := workloads[pattern]
	if !ok {
		return fmt.Errorf("no workload for %q; the patterns are %s", pattern, strings.Join(patterns(), ", "))
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	t, err := record(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return json.NewEncoder(os.Stdout).Encode(t)
}
