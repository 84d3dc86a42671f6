package site

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/concurrency-patterns/playground/web/highlight"
)

// The static files every page links to.
const (
	stylesheet = "style.css"
	pictureCSS = "picture.css"
	favicon    = "favicon.svg"
)

// staticFiles lists the static assets by slash-separated path.
func staticFiles(static fs.FS) ([]string, error) {
	var files []string
	err := fs.WalkDir(static, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	for _, need := range []string{stylesheet, pictureCSS, favicon} {
		if _, err := fs.Stat(static, need); err != nil {
			return nil, fmt.Errorf("static assets have no %s, which every page links to", need)
		}
	}
	return files, nil
}

// copyStatic copies the static assets into out. style.css gets the code
// highlighting theme appended, so a page needs one stylesheet for its
// text; embed.js gets the list of demos it may embed. sw.js is left for
// last (see writeServiceWorker).
func copyStatic(static fs.FS, files []string, out string) error {
	for _, name := range files {
		data, err := fs.ReadFile(static, name)
		if err != nil {
			return err
		}
		switch name {
		case serviceWorker:
			continue
		case stylesheet:
			b := bytes.NewBuffer(data)
			if err := highlight.CSS(b); err != nil {
				return err
			}
			data = b.Bytes()
		case embedScript:
			if data, err = fill(data, name, scenarios()); err != nil {
				return err
			}
		}
		dst := filepath.Join(out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
