// Command record runs a small real workload through the bounded parallel
// stream, on real time, and records what the stream did to a trace file
// that the playground's replay page opens. It prints its own tally of the
// results as JSON, so the trace can be checked against it.
//
//	go run ./examples/record -o stream-trace.json
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
)

func main() {
	out := flag.String("o", "stream-trace.json", "the trace file to write")
	items := flag.Int("items", 40, "how many inputs the stream processes")
	flag.Parse()
	if err := run(*out, *items); err != nil {
		fmt.Fprintln(os.Stderr, "record:", err)
		os.Exit(1)
	}
}

func run(path string, items int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	t, err := record(f, items)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return json.NewEncoder(os.Stdout).Encode(t)
}
