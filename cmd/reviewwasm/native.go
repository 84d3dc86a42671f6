//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

// main explains itself when built for anything but the browser, so that
// go build ./... works natively.
func main() {
	fmt.Fprintln(os.Stderr, "the reviewer page runs in a browser: GOOS=js GOARCH=wasm go build -o reviewer.wasm ./cmd/reviewwasm")
	os.Exit(2)
}
