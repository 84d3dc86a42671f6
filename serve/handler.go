package main

import (
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path"
	"strings"

	"github.com/concurrency-patterns/playground/web/policy"
)

// types are the Content-Types of the files a built site holds. Anything
// else is served as bytes: responses say nosniff, so the browser will not
// guess.
var types = map[string]string{
	".html": "text/html; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".json": "application/json",
	".wasm": "application/wasm",
	".svg":  "image/svg+xml",
	".png":  "image/png",
	".txt":  "text/plain; charset=utf-8",
}

// siteHandler serves the files of one folder. The folder is opened as an
// [os.Root], so no path, symbolic link included, resolves outside it.
type siteHandler struct {
	root *os.Root
}

// newSiteHandler opens dir for serving. Close the handler when done.
func newSiteHandler(dir string) (*siteHandler, error) {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("folder %s does not exist; run make site first", dir)
	case err != nil:
		return nil, err
	case !info.IsDir():
		return nil, fmt.Errorf("%s is not a folder", dir)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &siteHandler{root: root}, nil
}

// Close releases the folder.
func (h *siteHandler) Close() error { return h.root.Close() }

func (h *siteHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// On every answer, errors included: an error page is a page too.
	w.Header().Set("Content-Security-Policy", policy.CSP)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	// Public files, as GitHub Pages serves them: another site may load
	// embed.js as a module script, which the browser fetches with CORS.
	w.Header().Set("Access-Control-Allow-Origin", "*")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, ok := fileName(r.URL.Path)
	if !ok {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	f, err := h.root.Open(name)
	if err != nil {
		h.notFound(w, r)
		return
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		h.notFound(w, r)
		return
	}
	if info.IsDir() {
		h.serveFolder(w, r, name)
		return
	}
	h.serveFile(w, r, name, f, info)
}

// serveFolder serves a folder's index.html, never a listing. A folder URL
// without its final slash is redirected first, or the page's relative URLs
// would resolve against the parent folder.
func (h *siteHandler) serveFolder(w http.ResponseWriter, r *http.Request, name string) {
	index := path.Join(name, "index.html")
	f, err := h.root.Open(index)
	if err != nil {
		h.notFound(w, r)
		return
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || info.IsDir() {
		h.notFound(w, r)
		return
	}
	if !strings.HasSuffix(r.URL.Path, "/") {
		// Relative, so it also holds behind a proxy that adds a prefix
		// (http.Redirect would make it absolute).
		w.Header().Set("Location", path.Base(r.URL.Path)+"/")
		w.WriteHeader(http.StatusMovedPermanently)
		return
	}
	h.serveFile(w, r, index, f, info)
}

// serveFile serves a file, or the compressed copy of it that the request
// takes (see copies): the same Content-Type, the copy's encoding, and an
// ETag of the bytes sent.
func (h *siteHandler) serveFile(w http.ResponseWriter, r *http.Request, name string, f *os.File, info fs.FileInfo) {
	ext := path.Ext(name)
	typ, ok := types[ext]
	if !ok {
		typ = "application/octet-stream"
	}
	hd := w.Header()
	hd.Set("Content-Type", typ)
	hd.Set("Cache-Control", "no-cache")
	if compressible[ext] {
		hd.Set("Vary", "Accept-Encoding")
		for _, c := range copies {
			if !accepts(r.Header.Get("Accept-Encoding"), c.encoding) {
				continue
			}
			cf, err := h.root.Open(name + c.suffix)
			if err != nil {
				continue
			}
			defer cf.Close()
			if ci, err := cf.Stat(); err == nil && ci.Mode().IsRegular() {
				hd.Set("Content-Encoding", c.encoding)
				f, info = cf, ci
				break
			}
		}
	}
	tag, err := etag(f)
	if err != nil {
		http.Error(w, "cannot read "+name, http.StatusInternalServerError)
		return
	}
	hd.Set("ETag", tag)
	http.ServeContent(w, r, name, info.ModTime(), f)
}

// notFound answers 404 with the site's own 404.html, which `make site`
// writes, or a line of text for a folder without one.
func (h *siteHandler) notFound(w http.ResponseWriter, r *http.Request) {
	page, err := h.root.ReadFile(notFoundPage)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", types[".html"])
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		w.Write(page)
	}
}

// notFoundPage is the page for paths the site does not have, as GitHub
// Pages also serves it.
const notFoundPage = "404.html"

// fileName turns a request's decoded path into a name inside the folder,
// "." for the folder itself. It refuses any path with a ".." or "."
// element, an empty element, a backslash or a NUL, however they were
// encoded: the path has been percent-decoded already, so /%2e%2e/ arrives
// here as /../.
func fileName(urlPath string) (string, bool) {
	name := strings.TrimSuffix(strings.TrimPrefix(urlPath, "/"), "/")
	if name == "" {
		return ".", true
	}
	if strings.ContainsAny(name, "\\\x00") || !fs.ValidPath(name) {
		return "", false
	}
	return name, true
}
