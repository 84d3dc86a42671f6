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
	worker := flag.Bool("service-worker", false, "only write the service worker for the files already in -out (the last step of a build)")
	flag.Parse()
	assets, err := fs.Sub(static, "static")
	if err == nil {
		if *worker {
			err = site.WriteServiceWorker(assets, *out)
		} else {
			err = site.Build(site.Config{Content: os.DirFS(*content), ContentDir: *content, Code: os.DirFS("."), Static: assets, Out: *out, WasmList: *wasmList})
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "web:", err)
		os.Exit(1)
	}
}
