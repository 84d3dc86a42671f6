//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

// main explains itself when built for anything but the browser, so that
// go build ./... works natively.
func main() {
	fmt.Fprintln(os.Stderr, "the playground runs in a browser: GOOS=js GOARCH=wasm go build -o playground.wasm ./wasm")
	os.Exit(2)
}
