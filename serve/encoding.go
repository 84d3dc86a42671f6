package main

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"strconv"
	"strings"
)

// copies are the compressed copies `make site` writes beside each file
// that compresses, in the order a client that takes both gets them:
// brotli is the smaller.
var copies = []struct{ encoding, suffix string }{{"br", ".br"}, {"gzip", ".gz"}}

// compressible are the types that may come compressed, and so vary with
// the request's Accept-Encoding.
var compressible = map[string]bool{".html": true, ".css": true, ".js": true, ".wasm": true, ".svg": true, ".json": true, ".txt": true}

// accepts reports whether an Accept-Encoding header takes the encoding:
// named, or matched by "*", with a quality above zero.
func accepts(header, encoding string) bool {
	named, star := -1.0, -1.0
	for part := range strings.SplitSeq(header, ",") {
		name, params, _ := strings.Cut(part, ";")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
				q = f
			}
		}
		switch strings.ToLower(strings.TrimSpace(name)) {
		case encoding:
			named = q
		case "*":
			star = q
		}
	}
	if named >= 0 {
		return named > 0
	}
	return star > 0
}

// etag is the ETag of an open file: a hash of its bytes, so a file
// rewritten within one second, which Last-Modified cannot tell apart, gets
// a new one, and the compressed copies of a file each have their own. The
// file is read to its end and rewound. It is hashed on every request (a
// millisecond or so for the wasm): a cache keyed by size and time would
// miss the very rewrite the tag is for.
func etag(f *os.File) (string, error) {
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return "", err
	}
	return `"` + hex.EncodeToString(h.Sum(nil)[:12]) + `"`, nil
}
