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
	finish := flag.Bool("finish", false, "only finish the build in -out: write the service worker for the files there, then their compressed copies (the last step of a build)")
	flag.Parse()
	assets, err := fs.Sub(static, "static")
	if err == nil {
		if *finish {
			err = site.Finish(assets, *out)
		} else {
			err = site.Build(site.Config{Content: os.DirFS(*content), ContentDir: *content, Code: os.DirFS("."), Static: assets, Out: *out})
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "web:", err)
		os.Exit(1)
	}
}
