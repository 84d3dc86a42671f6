package site

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"math/bits"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/andybalholm/brotli"
)

// compressible are the kinds of file a server may send compressed; the
// rest (images already compressed, fonts) gain nothing.
var compressible = map[string]bool{".html": true, ".css": true, ".js": true, ".wasm": true, ".svg": true, ".json": true, ".txt": true}

// encodings are the compressed copies a build writes beside a file, by the
// suffix a server looks for: file.gz for gzip, file.br for brotli.
var encodings = []struct {
	suffix   string
	compress func([]byte) ([]byte, error)
}{
	{".gz", gzipBest},
	{".br", brotliBest},
}

// isCopy says whether name is a compressed copy of another file of the
// same folder (files holds them all by path).
func isCopy(name string, files map[string]bool) bool {
	for _, e := range encodings {
		if ext := path.Ext(name); ext == e.suffix && files[name[:len(name)-len(ext)]] {
			return true
		}
	}
	return false
}

// Compress writes, beside every file of out that compresses, a copy in
// each encoding, so a server can send those bytes as they are (serve/
// does) rather than compress on every request, and with the best
// settings, which take too long to use on the fly. A copy no smaller
// than its file is not written.
//
// Brotli's best setting takes about half a minute for the wasm; copies are
// kept in the user's cache folder by the hash of what they compress, so
// that a build of the same bytes takes no time.
func Compress(out string) error {
	var names []string
	err := fs.WalkDir(os.DirFS(out), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && compressible[path.Ext(p)] {
			names = append(names, p)
		}
		return err
	})
	if err != nil {
		return err
	}
	// The wasm takes nearly all the time; one file per core.
	work := make(chan string)
	errs := make(chan error, len(names))
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for name := range work {
				errs <- compressFile(filepath.Join(out, filepath.FromSlash(name)))
			}
		})
	}
	for _, name := range names {
		work <- name
	}
	close(work)
	wg.Wait()
	close(errs)
	pruneCache()
	for err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func compressFile(file string) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	for _, e := range encodings {
		dst := file + e.suffix
		small, err := cached(e.suffix, data, e.compress)
		if err != nil {
			return err
		}
		if len(small) >= len(data) {
			if err := os.Remove(dst); err != nil && !os.IsNotExist(err) {
				return err
			}
			continue
		}
		if err := os.WriteFile(dst, small, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// cacheAge is how long a cached copy no build has used is kept.
const cacheAge = 7 * 24 * time.Hour

// cacheDir is where compressed copies are kept between builds, or "".
func cacheDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "concurrency-playground", "compressed")
}

// cached compresses data, or returns the copy a build made before. The
// cache is a convenience: without a cache folder, it compresses.
func cached(suffix string, data []byte, compress func([]byte) ([]byte, error)) ([]byte, error) {
	dir := cacheDir()
	if dir == "" || len(data) < 64<<10 {
		return compress(data)
	}
	sum := sha256.Sum256(data)
	file := filepath.Join(dir, hex.EncodeToString(sum[:])+suffix)
	if small, err := os.ReadFile(file); err == nil {
		now := time.Now()
		_ = os.Chtimes(file, now, now) // used: kept a while longer
		return small, nil
	}
	small, err := compress(data)
	if err != nil {
		return nil, err
	}
	// Written whole, then renamed: a build that stops halfway leaves no
	// truncated copy for the next to trust.
	if os.MkdirAll(dir, 0o755) == nil {
		if tmp, err := os.CreateTemp(dir, "*.tmp"); err == nil {
			_, err := tmp.Write(small)
			if tmp.Close() == nil && err == nil {
				_ = os.Rename(tmp.Name(), file)
			}
			_ = os.Remove(tmp.Name())
		}
	}
	return small, nil
}

// pruneCache removes the cached copies that no build used for cacheAge:
// those of wasm builds long replaced.
func pruneCache() {
	dir := cacheDir()
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > cacheAge {
			_ = os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// gzipBest is gzip at its best setting; the header carries no name and no
// time, so the same bytes give the same copy.
func gzipBest(data []byte) ([]byte, error) {
	var b bytes.Buffer
	w, err := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	err = w.Close()
	return b.Bytes(), err
}

// brotliBest is brotli at quality 11 with a window as large as the data,
// up to brotli's largest (16 MB, more than the wasm), so that all of a
// file can refer back to all of it; a small file gets a small window,
// which costs less to set up.
func brotliBest(data []byte) ([]byte, error) {
	var b bytes.Buffer
	w := brotli.NewWriterOptions(&b, brotli.WriterOptions{Quality: brotli.BestCompression, LGWin: min(max(bits.Len(uint(len(data))), 10), 24)})
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	err := w.Close()
	return b.Bytes(), err
}
