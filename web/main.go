package main

import (
	"embed"
	"flag"
	"fmt"
	"io/fs"
	"os"

	"github.com/concurrency-patterns/playground/web/site"
)

//go:embed static
var static embed.FS

func main() {
	content := flag.String("content", "content", "the `folder` of markdown pages")
	out := flag.String("out", "_site", "the `folder` to write the site into")
	wasmList := flag.String("wasm-list", "", "write the WebAssembly builds the pages need to this `file`")
	flag.Parse()
	if err := build(*content, *out, *wasmList); err != nil {
		fmt.Fprintln(os.Stderr, "web:", err)
		os.Exit(1)
	}
}

func build(content, out, wasmList string) error {
	assets, err := fs.Sub(static, "static")
	if err != nil {
		return err
	}
	return site.Build(site.Config{Content: os.DirFS(content), ContentDir: content, Code: os.DirFS("."), Static: assets, Out: out, WasmList: wasmList})
}
