package site

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
)

// serviceWorker is the static script that keeps the site offline; the
// build fills in its list of files and their version.
const serviceWorker = "sw.js"

// buildInfo is what the service worker is told of the build.
type buildInfo struct {
	// Version is a hash of every file's path and bytes: any change to
	// the deploy, the wasm included, changes it, and with it sw.js, which
	// is how browsers learn there is a new build to copy.
	Version string   `json:"version"`
	Files   []string `json:"files"` // slash-separated, sorted
}

// WriteServiceWorker lists every file in out (sw.js aside), hashes them,
// and writes static's sw.js there with that list and the hash as its
// version. It runs last, once the pages, the assets and the WebAssembly
// builds are all in out: `make site` runs it after the wasm.
func WriteServiceWorker(static fs.FS, out string) error {
	script, err := fs.ReadFile(static, serviceWorker)
	if err != nil {
		return err
	}
	info, err := hashTree(out)
	if err != nil {
		return err
	}
	data, err := fill(script, serviceWorker, info)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, serviceWorker), data, 0o644)
}

// Finish is the last step of a build, once the pages, the assets and the
// WebAssembly build are all in out: it writes the service worker (see
// [WriteServiceWorker]), then the compressed copies of every file, sw.js
// included (see [Compress]).
func Finish(static fs.FS, out string) error {
	if err := WriteServiceWorker(static, out); err != nil {
		return err
	}
	return Compress(out)
}

// hashTree hashes every file of dir but sw.js and the compressed copies
// of files (the same files, in other bytes), in sorted order.
func hashTree(dir string) (buildInfo, error) {
	all := map[string]bool{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			all[p] = true
		}
		return err
	})
	if err != nil {
		return buildInfo{}, err
	}
	h := sha256.New()
	var files []string
	for _, p := range slices.Sorted(maps.Keys(all)) {
		if p == serviceWorker || isCopy(p, all) {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			return buildInfo{}, err
		}
		// Length-prefixed, so that no two trees hash alike by shifting
		// bytes between a name and a file.
		for _, part := range [][]byte{[]byte(p), data} {
			_ = binary.Write(h, binary.BigEndian, uint64(len(part)))
			h.Write(part)
		}
		files = append(files, p)
	}
	return buildInfo{Version: hex.EncodeToString(h.Sum(nil))[:16], Files: files}, nil
}
